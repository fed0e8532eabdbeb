# orca-fixture: 3.x futures resolved without await in an async flow
# prefect: 3.8.3
from prefect import flow, task
from prefect.futures import wait

@task
def square(x: int) -> int:
    return x * x

@flow
async def squares(xs: list[int]) -> list[int]:
    futures = square.map(xs)
    wait(futures)
    return futures.result()
