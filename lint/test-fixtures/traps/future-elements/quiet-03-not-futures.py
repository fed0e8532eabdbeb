# orca-fixture: a loop over something that is not a list of futures
# prefect: 3.4.20
# rule: unknown-attribute
# lines: none
import subprocess

from prefect import flow


@flow
def shell(commands):
    procs = [subprocess.Popen(c, shell=True) for c in commands]
    for p in procs:
        code = p.wait()
        print(code.real)
