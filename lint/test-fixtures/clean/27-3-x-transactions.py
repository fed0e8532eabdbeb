# orca-fixture: 3.x transactions
# prefect: 3.4.20
from prefect import flow, task
from prefect.transactions import transaction

@task
def write(path: str, data: str) -> None:
    with open(path, "w") as fh:
        fh.write(data)

@flow
def atomic():
    with transaction():
        write("a.txt", "hello")
        write("b.txt", "world")
