import { DataTypes, Model } from 'sequelize';
import { sequelize } from '@bazaar/shared/db';

export class OrderLine extends Model {
  declare productId: string;
  declare quantity: number;
}

OrderLine.init(
  { productId: DataTypes.STRING, quantity: DataTypes.INTEGER },
  { sequelize, modelName: 'OrderLine', tableName: 'order_lines' },
);
