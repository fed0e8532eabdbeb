# orca-fixture: 2.x flow and tasks with retries
# prefect: 2.20.25
from prefect import flow, task

@task(retries=3, retry_delay_seconds=5)
def extract(n: int) -> list[int]:
    return list(range(n))

@task
def load(rows: list[int]) -> int:
    return len(rows)

@flow(name="etl", log_prints=True)
def etl(n: int = 10) -> int:
    rows = extract(n)
    return load(rows)

if __name__ == "__main__":
    etl()
