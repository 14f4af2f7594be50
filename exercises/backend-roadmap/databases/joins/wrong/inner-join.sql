SELECT c.name, o.id AS order_id, o.total FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY c.name, o.id;
