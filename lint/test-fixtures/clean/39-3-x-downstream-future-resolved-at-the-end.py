# orca-fixture: 3.x downstream future resolved at the end
# prefect: 3.8.3
from prefect import flow, task
from prefect.task_runners import ThreadPoolTaskRunner

@task
def task_a() -> str:
    return "a"

@task
def task_b() -> str:
    return "b"

@task
def no_op(*dependencies: str) -> None:
    print(dependencies)

@flow(task_runner=ThreadPoolTaskRunner())
def my_flow():
    a = task_a.submit()
    b = task_b.submit()
    noop = no_op.submit(a, b)
    noop.result()

if __name__ == "__main__":
    my_flow()
