// The real `odbc` module, with every statement and its parameters recorded (for comparing the SQL
// the ODBC reader sends with what the ibm_db reader sends).
import odbc from 'odbc';

export const statements = [];

export async function connect(options) {
  const connection = await odbc.connect(options);
  return {
    query: (sql, params, queryOptions) => {
      statements.push({ sql, params });
      return connection.query(sql, params, queryOptions);
    },
    close: () => connection.close(),
  };
}
