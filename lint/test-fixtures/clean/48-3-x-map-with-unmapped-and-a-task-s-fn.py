# orca-fixture: 3.x map with unmapped and a task's fn
# prefect: 3.8.3
from prefect import flow, task, unmapped

@task
def scale(x: int, factor: int) -> int:
    return x * factor

@flow
def scaled(xs: list[int]) -> list[int]:
    direct = scale.fn(2, 3)
    futures = scale.map(xs, unmapped(direct))
    return futures.result()
