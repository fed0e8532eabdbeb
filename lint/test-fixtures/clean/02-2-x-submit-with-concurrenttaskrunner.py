# orca-fixture: 2.x submit with ConcurrentTaskRunner
# prefect: 2.20
from prefect import flow, task
from prefect.task_runners import ConcurrentTaskRunner

@task
def double(x: int) -> int:
    return x * 2

@flow(task_runner=ConcurrentTaskRunner())
def fan_out(xs: list[int]) -> list[int]:
    futures = [double.submit(x) for x in xs]
    return [f.result() for f in futures]
