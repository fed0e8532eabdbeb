# orca-fixture: 3.x map then result on the future list
# prefect: 3.0.0
from prefect import flow, task

@task
def inc(x: int) -> int:
    return x + 1

@flow
def mapped(xs: list[int]) -> list[int]:
    futures = inc.map(xs)
    return futures.result()
