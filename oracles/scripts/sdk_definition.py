"""Build a SageMaker pipeline with the real sagemaker SDK (2.x) and print its definition JSON.

Usage: .oracles/sagemaker/bin/python oracles/scripts/sdk_definition.py SCRIPT.py

SCRIPT.py must define a function `build()` returning a sagemaker.workflow.pipeline.Pipeline. Its
definition() (the JSON the SDK would send to CreatePipeline) is printed on stdout; everything else the
SDK or the script prints goes to stderr.

Offline by construction: a fixed region, dummy credentials, no shared AWS config, and HTTP(S)_PROXY
pointed at a closed local port so any accidental AWS call fails fast instead of reaching the network.
Scripts should pass an explicit session and s3:// URIs (see fixtures/one_step_pipeline.py).
"""

import os
import runpy
import sys


def main() -> int:
    if len(sys.argv) != 2 or not os.path.isfile(sys.argv[1]):
        print("usage: sdk_definition.py SCRIPT.py", file=sys.stderr)
        return 2
    script = os.path.abspath(sys.argv[1])

    # Set before the SDK (and botocore) is imported.
    os.environ.update({
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_MAX_ATTEMPTS": "1",
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "NO_PROXY": "",
        "SAGEMAKER_SUPPRESS_V2_WARNING": "1",
    })
    os.environ.pop("AWS_PROFILE", None)

    # Keep stdout for the definition: point fd 1 at stderr while the SDK and the script run.
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.path.insert(0, os.path.dirname(script))  # let the script import its neighbours
    namespace = runpy.run_path(script, run_name="pipeshift_sdk_script")
    build = namespace.get("build")
    if not callable(build):
        print(f"sdk_definition.py: {script} defines no function build()", file=sys.stderr)
        return 2
    definition = build().definition()
    sys.stdout.flush()
    out.write(definition)
    out.write("\n")
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
