# Prefect 3.x code that leans on APIs some 3.x releases added or removed.
from prefect import flow, task
from prefect.deployments import run_deployment
from prefect.futures import wait
from prefect.runner import submit_to_runner
from prefect.task_runners import ThreadPoolTaskRunner


@task
def square(x: int) -> int:
    return x * x


@flow(task_runner=ThreadPoolTaskRunner(max_workers=4))
def fan_out():
    futures = square.map(range(5))
    wait(futures)
    submit_to_runner(square, [{"x": 1}])
    return run_deployment(name="fan-out/prod", timeout=0)
