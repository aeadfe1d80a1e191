module Catalog
  class ProductsController < ApplicationController
    def index
      @products = Product.search(params[:q])
      render json: @products
    end

    def show
      product = Product.find(params[:id])
      render json: { product: product, price: product.price.to_s, total: price_list.total_for([product]) }
    end

    private

    def price_list
      @price_list ||= PriceList.new
    end
  end
end
