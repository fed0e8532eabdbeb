# orca-fixture: 3.x infrastructure-bound flow submitted (an outer decorator changes the type)
# prefect: 3.8.3
from prefect import flow
from prefect_kubernetes.experimental import kubernetes

@kubernetes(work_pool="k8s-pool")
@flow
def train(epochs: int) -> float:
    return 0.9

@flow
def orchestrate() -> float:
    future = train.submit(epochs=3)
    return future.result()
