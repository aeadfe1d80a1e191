const { sequelize } = require('../../../packages/shared/src/db');
const { DataTypes } = require('sequelize');
const defineOrder = require('./order.model');

const models = {
  Order: defineOrder(sequelize, DataTypes),
};

module.exports = models;
