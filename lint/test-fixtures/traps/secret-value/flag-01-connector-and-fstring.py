# orca-fixture: a Secret block's .value passed to a driver and put in an f-string (3.x)
# prefect: 3.4.20
# rule: record-used-as-value
# lines: 11 12
import psycopg2

from prefect.blocks.system import Secret


def connect():
    conn = psycopg2.connect(host="db", password=Secret.load("db-password").value)
    print(f"token={Secret.load('api-token').value}")
    return conn
