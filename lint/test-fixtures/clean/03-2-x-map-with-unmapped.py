# orca-fixture: 2.x map with unmapped
# prefect: 2.19.1
from prefect import flow, task, unmapped

@task
def add(x: int, y: int) -> int:
    return x + y

@flow
def mapped(xs: list[int]):
    futures = add.map(xs, unmapped(10))
    return [f.result() for f in futures]
