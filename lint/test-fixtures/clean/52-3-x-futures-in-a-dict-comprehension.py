# orca-fixture: 3.x futures in a dict comprehension
# prefect: 3.4.20
from prefect import flow, task

@task
def size(name: str) -> int:
    return len(name)

@flow
def sizes(names: list[str]) -> dict[str, int]:
    futures = {n: size.submit(n) for n in names}
    return {n: f.result() for n, f in futures.items()}
