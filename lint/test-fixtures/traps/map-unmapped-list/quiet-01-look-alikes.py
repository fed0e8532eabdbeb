# orca-fixture: maps that iterate their literals on purpose, unmapped ones, strings, and other libraries' map
# prefect: 3.4.20
# rule: map-unmapped-list
# lines: none
from concurrent.futures import ThreadPoolExecutor

from prefect import flow, task, unmapped


@task
def add(x: int, y: int) -> int:
    return x + y


def double(x: int) -> int:
    return x * 2


@flow
def sums(xs: list[int]):
    cols = ["id", "ts"]
    add.map(xs, unmapped(cols)).wait()
    add.map(xs, 1, wait_for=[cols]).wait()
    add.map([1, 2, 3], [4, 5, 6]).wait()
    add.map([1, 2, 3]).wait()
    add.map(xs, "id").wait()
    with ThreadPoolExecutor() as pool:
        list(pool.map(double, [1, 2, 3]))
    list(executor.map(double, [1, 2, 3]))
    return list(map(double, cols))
