# orca-fixture: FlowRun lists read the right way, and lists whose elements are not all FlowRuns
# prefect: 3.4.20
# rule: unknown-attribute
# lines: none
from prefect import flow
from prefect.deployments import run_deployment
from prefect.flow_runs import wait_for_flow_run

from jobs import start_job


@flow
async def fan_out(names: list[str]):
    runs = [await run_deployment(name=n, timeout=0) for n in names]
    finished = [await wait_for_flow_run(r.id) for r in runs]
    results = [f.state.result() for f in finished]
    mixed = [await run_deployment(name="a/b"), start_job("x")]
    for m in mixed:
        m.wait()
    extra = [await run_deployment(name=n) for n in names]
    extra.append(start_job("y"))
    for e in extra:
        e.result()
    for run in runs:
        print(run.state.result())
    return results
