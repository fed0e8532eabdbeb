# orca-fixture: a task appends to a list passed whole by keyword
# prefect: 3.1.12
# rule: unmapped-mutated
# lines: 16
from prefect import flow, task, unmapped


@task
def collect(item: str, seen: list) -> int:
    seen.append(item)
    return len(seen)


@flow
def run(items: list[str]):
    collect.map(items, seen=unmapped([])).wait()
