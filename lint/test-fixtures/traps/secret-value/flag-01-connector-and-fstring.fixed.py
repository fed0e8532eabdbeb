import psycopg2

from prefect.blocks.system import Secret


def connect():
    conn = psycopg2.connect(host="db", password=Secret.load("db-password").get())
    print(f"token={Secret.load('api-token').get()}")
    return conn
