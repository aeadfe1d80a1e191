export { CatalogService } from './catalog.service';
export type { ProductDto, ProductId } from './dto';
export { CatalogModule } from './catalog.module';
