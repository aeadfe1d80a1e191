'use strict';
// A Sequelize model defined the sequelize-cli way; its table is named by
// Sequelize's default, the plural of the model name: Orders.
module.exports = (sequelize, DataTypes) => {
  const Order = sequelize.define('Order', {
    status: DataTypes.STRING,
    customer: DataTypes.STRING,
  }, { underscored: true });
  return Order;
};
