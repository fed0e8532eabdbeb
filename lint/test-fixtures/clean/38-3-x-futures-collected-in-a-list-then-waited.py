# orca-fixture: 3.x futures collected in a list then waited
# prefect: 3.4.20
from prefect import flow, task
from prefect.futures import wait

@task
def task_a() -> str:
    return "a"

@task
def task_b() -> str:
    return "b"

@task
def combine(*deps: str) -> None:
    print(deps)

@flow
def collected():
    futures = []
    futures.append(task_a.submit())
    futures.append(task_b.submit())
    futures.append(combine.submit(futures[0], futures[1]))
    wait(futures)
