import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'tags', schema: 'catalog' })
export class Tag {
  @PrimaryColumn()
  label!: string;
}
