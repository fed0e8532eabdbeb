# orca-fixture: .wait() and .result() on FlowRun records taken from lists of run_deployment calls (3.x)
# prefect: 3.4.20
# rule: unknown-attribute
# lines: 14 15 20 22
from prefect import flow
from prefect.deployments import run_deployment


@flow
def fan_out(names: list[str]):
    runs = [run_deployment(name=n, timeout=0) for n in names]
    for run in runs:
        print(run.id)
        run.wait()
    outputs = [r.result() for r in runs]
    started = []
    for n in names:
        started.append(run_deployment(name=n))
    for i, child in enumerate(started):
        child.wait()
    for child_run, n in zip(runs, names):
        print(n, child_run.result())
    return outputs
