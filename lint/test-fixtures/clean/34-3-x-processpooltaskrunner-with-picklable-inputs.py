# orca-fixture: 3.x ProcessPoolTaskRunner with picklable inputs
# prefect: 3.4.20
from prefect import flow, task
from prefect.futures import wait
from prefect.task_runners import ProcessPoolTaskRunner

@task
def crunch(n: int) -> int:
    return sum(i * i for i in range(n))

@flow(task_runner=ProcessPoolTaskRunner(max_workers=4))
def cpu_bound(sizes: list[int]) -> list[int]:
    futures = [crunch.submit(n) for n in sizes]
    wait(futures)
    return [f.result() for f in futures]

if __name__ == "__main__":
    cpu_bound([10_000, 20_000])
