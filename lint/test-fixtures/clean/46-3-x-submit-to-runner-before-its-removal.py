# orca-fixture: 3.x submit_to_runner before its removal
# prefect: 3.2
from prefect import flow
from prefect.runner import submit_to_runner

@flow
def double(n: int) -> int:
    return n * 2

if __name__ == "__main__":
    runs = submit_to_runner(double, parameters=[{"n": i} for i in range(3)])
