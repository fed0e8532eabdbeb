# orca-fixture: the literal is what is mapped when every other argument is held whole (unmapped, quote, a scalar)
# prefect: 3.4.20
# rule: map-unmapped-list
# lines: none
from prefect import flow, task, unmapped
from prefect.utilities.annotations import quote


@task
def add(x: int, y: int, seen: list) -> int:
    return x + y


@flow
def add_all():
    add.map([1, 2, 3], unmapped(10), seen=unmapped([])).wait()
    add.map([1, 2, 3], "10", seen=None).wait()
    return add.map([1, 2, 3], quote(10), seen=quote([])).result()
