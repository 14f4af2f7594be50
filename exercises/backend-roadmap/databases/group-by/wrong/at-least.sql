SELECT c.name, count(*) AS orders, sum(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name HAVING sum(o.total) >= 50 ORDER BY spent DESC;
