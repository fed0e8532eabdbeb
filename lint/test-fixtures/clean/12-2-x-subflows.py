# orca-fixture: 2.x subflows
# prefect: 2.20.25
from prefect import flow

@flow
def child(x: int) -> int:
    return x + 1

@flow
def parent() -> int:
    a = child(1)
    b = child(a)
    return b
