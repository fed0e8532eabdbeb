# orca-fixture: 2.x SequentialTaskRunner
# prefect: 2.20.25
from prefect import flow, task
from prefect.task_runners import SequentialTaskRunner

@task
def step(i: int) -> int:
    return i

@flow(task_runner=SequentialTaskRunner())
def ordered():
    for i in range(3):
        step.submit(i)
