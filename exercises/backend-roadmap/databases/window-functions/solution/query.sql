WITH ranked AS (
  SELECT department, name, salary, rank() OVER (PARTITION BY department ORDER BY salary DESC) AS rank
  FROM employees
)
SELECT department, name, salary, rank
FROM ranked
WHERE rank <= 2
ORDER BY department, rank, name;
