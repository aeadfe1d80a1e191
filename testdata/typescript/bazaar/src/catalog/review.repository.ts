import { EntityRepository, Repository } from 'typeorm';
import { Review } from './review.entity';

@EntityRepository(Review)
export class ReviewRepository extends Repository<Review> {
  async topRated(): Promise<Review[]> {
    return this.find({ where: { stars: 5 } });
  }

  async forget(review: Review): Promise<void> {
    await this.delete(review.id);
  }
}
