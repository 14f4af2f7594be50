SELECT c.name, o.id AS order_id, o.total FROM customers c, orders o ORDER BY c.name, o.id;
