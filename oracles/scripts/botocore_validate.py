"""Check AWS API request shapes offline with botocore's own parameter validator.

Usage: .oracles/sagemaker/bin/python oracles/scripts/botocore_validate.py < requests.json

stdin:  {"service": "sagemaker", "operation": "CreateTrainingJob", "params": {...}}  or a list of those
stdout: [{"valid": bool, "errors": "..."}]  (always a list, in input order; errors is "" when valid)

Uses the service models shipped inside botocore (botocore/data/<service>/<date>/service-2.json.gz) and
botocore.validate.ParamValidator, which checks required members, unknown keys, types and minimum
lengths/values. It does NOT check maximum lengths or regex patterns.
An unknown service or operation is a usage error (exit 2, message on stderr), not an invalid request.
"""

import json
import sys

import botocore.session
from botocore.exceptions import UnknownServiceError
from botocore.validate import ParamValidator


def main() -> int:
    try:
        requests = json.load(sys.stdin)
    except json.JSONDecodeError as e:
        print(f"botocore_validate.py: stdin is not JSON: {e}", file=sys.stderr)
        return 2
    if isinstance(requests, dict):
        requests = [requests]

    session = botocore.session.get_session()
    validator = ParamValidator()
    results = []
    for i, req in enumerate(requests):
        try:
            service, operation = req["service"], req["operation"]
            model = session.get_service_model(service)
            if operation not in model.operation_names:
                raise LookupError(f"service {service!r} has no operation {operation!r}")
            op = model.operation_model(operation)
        except (KeyError, TypeError, LookupError, UnknownServiceError) as e:
            print(f"botocore_validate.py: request #{i}: {e}", file=sys.stderr)
            return 2
        report = validator.validate(req.get("params", {}), op.input_shape)
        results.append({
            "valid": not report.has_errors(),
            "errors": report.generate_report() if report.has_errors() else "",
        })
    json.dump(results, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
