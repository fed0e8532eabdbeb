# orca-fixture: 3.x ThreadPoolTaskRunner and wait
# prefect: 3.4.20
from prefect import flow, task
from prefect.futures import wait
from prefect.task_runners import ThreadPoolTaskRunner

@task
def fetch(i: int) -> int:
    return i * 2

@flow(task_runner=ThreadPoolTaskRunner(max_workers=4))
def fan_out(n: int = 5):
    futures = [fetch.submit(i) for i in range(n)]
    done = wait(futures)
    return [f.result() for f in done.done]
