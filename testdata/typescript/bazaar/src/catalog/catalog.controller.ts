import { Controller, Get, Param, Post } from '@nestjs/common';
import { CatalogService } from './catalog.service';
import { ProductDto } from './dto';

@Controller('products')
export class CatalogController {
  constructor(private catalog: CatalogService) {}

  @Get(':id')
  find(@Param('id') id: string): Promise<ProductDto | undefined> {
    return this.catalog.findProduct(id);
  }

  @Post()
  create(name: string) {
    return this.catalog.addProduct(name, 100);
  }
}
