const models = require('./models');
const { OrderLine } = require('./models/order-line.model');
const { sequelize } = require('../../packages/shared/src/db');

const LINES_OF = 'SELECT ol.product_id, ol.quantity FROM order_lines ol ' +
  'WHERE ol.order_id = ?';

class OrderRepository {
  async byId(id) {
    return models.Order.findByPk(id);
  }

  async save(order) {
    await models.Order.upsert({ id: order.id, status: order.status });
    await OrderLine.bulkCreate(order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })));
  }

  async lines(id) {
    return sequelize.query(LINES_OF, { replacements: [id] });
  }
}

module.exports = OrderRepository;
