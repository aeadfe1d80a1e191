const express = require('express');
const { OrderService } = require('./order.service');
const OrderRepository = require('./order.repository');

const router = express.Router();
const repository = new OrderRepository();

router.get('/orders/:id', async (req, res) => {
  res.json(await repository.byId(req.params.id));
});

router.post('/orders', async (req, res) => {
  const service = new OrderService(req.app.get('catalog'));
  res.json(await service.place(req.body.customer, req.body.products));
});

module.exports = router;
