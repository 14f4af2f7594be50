SELECT c.name, count(*) AS orders, sum(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.total > 50 GROUP BY c.id, c.name ORDER BY spent DESC;
