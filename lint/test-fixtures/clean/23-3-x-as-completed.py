# orca-fixture: 3.x as_completed
# prefect: 3.8.3
from prefect import flow, task
from prefect.futures import as_completed

@task
def square(x: int) -> int:
    return x * x

@flow
def streaming(xs: list[int]) -> int:
    total = 0
    for future in as_completed([square.submit(x) for x in xs]):
        total += future.result()
    return total
