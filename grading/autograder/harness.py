"""Runs inside the sandbox: executes a submission's cells, then asks its answers questions.

This file is copied into every sandbox, so it holds no solutions, no expected values and
no grading logic: it reads a job of plain data (cells to run, probes to answer), runs it,
and writes plain data back, one JSON line per event, on the file descriptor named by
HARNESS_FD. Whatever the student's code does to this process can only change the data
this process reports about itself; every verdict is reached outside, by the grader.

Job format (job.json)::

    {"steps": [{"id": "cell:3", "kind": "cell", "name": "q1-answer", "source": "..."},
               {"id": "probe:values", "kind": "probe", "probe": {"kind": "values", "names": [...]}},
               {"id": "probe:case0", "kind": "probe", "probe": {"kind": "call", "function": "f",
                                                                  "args": [...], "kwargs": {}}}],
     "skip": ["cell:5"], "output_chars": 20000}

Events: ``{"event": "start", "step": id}``, ``{"event": "end", "step": id, "status": "ok" | "error",
"error": text, "stdout": text, "stderr": text, "result": plain}`` and finally ``{"event": "done"}``.
"""

import base64
import builtins
import io
import json
import math
import os
import sys
import traceback

# Bound once, before any student code runs and could replace them.
_dumps, _write, _environ = json.dumps, os.write, dict(os.environ)
_FD = int(_environ["HARNESS_FD"])
MAX_ITEMS, MAX_DEPTH, MAX_STR = 100_000, 6, 10_000


def _send(event):
    data = (_dumps(event) + "\n").encode()
    while data:
        written = _write(_FD, data)
        data = data[written:]


class _Capture(io.TextIOBase):
    """A text stream that keeps its first ``limit`` characters and counts the rest."""

    def __init__(self, limit):
        self.limit, self.parts, self.size, self.dropped = limit, [], 0, 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        room = max(self.limit - self.size, 0)
        self.parts.append(text[:room])
        self.size += min(len(text), room)
        self.dropped += max(len(text) - room, 0)
        return len(text)

    def value(self):
        note = (
            f"\n[... {self.dropped:,} more characters of output not kept]"
            if self.dropped
            else ""
        )
        return "".join(self.parts) + note


def encode(value, depth=0):
    """Plain JSON data describing ``value``; never calls the value's own conversion methods."""
    kind = type(value)
    name = f"{kind.__module__}.{kind.__qualname__}"
    if value is None:
        return {"none": True}
    if isinstance(value, bool):
        return {"bool": bool.__repr__(value) == "True", "type": name}
    if isinstance(value, int):
        return {"int": int.__repr__(value), "type": name}
    if isinstance(value, float):
        return {"float": float.__repr__(value), "type": name}
    if isinstance(value, str):
        return {"str": str.__str__(value)[:MAX_STR], "type": name}
    if isinstance(value, (list, tuple)) and depth < MAX_DEPTH:
        items = (
            list.__iter__(value) if isinstance(value, list) else tuple.__iter__(value)
        )
        out = []
        for item in items:
            if len(out) >= MAX_ITEMS:
                break
            out.append(encode(item, depth + 1))
        return {"list": out, "type": name}
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, (numpy.ndarray, numpy.generic)):
        array = numpy.asarray(value)
        if array.dtype.kind in "biuf" and array.size <= 10 * MAX_ITEMS:
            plain = numpy.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<"))
            return {
                "ndarray": {
                    "dtype": plain.dtype.str,
                    "shape": list(plain.shape),
                    "b64": base64.b64encode(plain.tobytes()).decode(),
                },
                "type": name,
            }
    return {"unsupported": name}


def decode(data):
    """The grader's arguments: plain JSON, with {"ndarray": ...} for NumPy arrays."""
    if isinstance(data, dict) and "ndarray" in data:
        import numpy

        spec = data["ndarray"]
        raw = base64.b64decode(spec["b64"])
        return numpy.frombuffer(raw, dtype=spec["dtype"]).reshape(spec["shape"]).copy()
    if isinstance(data, dict) and "tuple" in data:
        return tuple(decode(x) for x in data["tuple"])
    if isinstance(data, list):
        return [decode(x) for x in data]
    return data


def _short_traceback(error):
    """The exception and the frames of the student's own cells (none of the harness's)."""
    frames = [
        f
        for f in traceback.extract_tb(error.__traceback__)
        if f.filename.startswith("<")
    ]
    lines = [
        f"  {f.filename}, line {f.lineno}" + (f": {f.line}" if f.line else "")
        for f in frames[-5:]
    ]
    kind = type(error).__name__
    try:
        message = str(error)
    except BaseException:  # an exception whose __str__ raises
        message = "(message could not be read)"
    return "\n".join(lines + [f"{kind}: {message[:2000]}"])


def _run_cell(step, namespace):
    code = compile(step["source"], f"<cell {step.get('name') or step['id']}>", "exec")
    exec(code, namespace)


def _probe_values(probe, namespace):
    return {
        name: (encode(namespace[name]) if name in namespace else {"missing": True})
        for name in probe["names"]
    }


def _probe_call(probe, namespace):
    function = namespace.get(probe["function"])
    if function is None:
        return {"missing": True}
    return encode(
        function(*decode(probe.get("args", [])), **decode(probe.get("kwargs", {})))
    )


def _random_weights(layer, rng):
    """Seeded weights for every variable of a layer; variances and scales kept positive."""
    import numpy

    values = []
    for variable in layer.weights:
        shape = tuple(variable.shape)
        name = variable.name.lower()
        if "variance" in name or "gamma" in name or "scale" in name:
            values.append(rng.uniform(0.5, 1.5, shape))
        elif len(shape) >= 2:
            fan_in = int(numpy.prod(shape[:-1]))
            values.append(rng.normal(0.0, 1.0 / math.sqrt(fan_in), shape))
        else:
            values.append(rng.normal(0.0, 0.5, shape))
    return [v.astype("float32") for v in values]


def _probe_keras_block(probe, namespace):
    """Build the student's block on a symbolic input, give it seeded weights, run it once."""
    import keras
    import numpy

    function = namespace.get(probe["function"])
    if function is None:
        return {"missing": True}
    x = decode(probe["x"])
    inputs = keras.Input(tuple(x.shape[1:]))
    model = keras.Model(
        inputs,
        function(
            inputs, *decode(probe.get("args", [])), **decode(probe.get("kwargs", {}))
        ),
    )
    rng = numpy.random.default_rng(int(probe["seed"]))
    layers = []
    for layer in model.layers:
        if not layer.weights:
            continue
        weights = _random_weights(layer, rng)
        layer.set_weights(weights)
        layers.append(
            {"class": type(layer).__name__, "weights": [encode(w) for w in weights]}
        )
    output = keras.ops.convert_to_numpy(model(x, training=False))
    return {"layers": layers, "output": encode(numpy.asarray(output, dtype="float32"))}


PROBES = {
    "values": _probe_values,
    "call": _probe_call,
    "keras_block": _probe_keras_block,
}


def main(path):
    with open(path) as f:
        job = json.load(f)
    skip = set(job.get("skip", []))
    limit = int(job.get("output_chars", 20_000))
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    real_stdout, real_stderr = sys.stdout, sys.stderr
    for step in job["steps"]:
        if step["id"] in skip:
            continue
        _send({"event": "start", "step": step["id"]})
        out, err = _Capture(limit), _Capture(limit)
        sys.stdout, sys.stderr = out, err
        event = {"event": "end", "step": step["id"], "status": "ok"}
        try:
            if step["kind"] == "cell":
                _run_cell(step, namespace)
            else:
                event["result"] = PROBES[step["probe"]["kind"]](
                    step["probe"], namespace
                )
        except (
            BaseException
        ) as error:  # SystemExit and KeyboardInterrupt too: a cell may raise them
            event.update(status="error", error=_short_traceback(error))
        finally:
            sys.stdout, sys.stderr = real_stdout, real_stderr
        event.update(stdout=out.value(), stderr=err.value())
        try:
            _send(event)
        except (TypeError, ValueError) as error:  # a result that is not JSON after all
            _send(
                {
                    "event": "end",
                    "step": step["id"],
                    "status": "error",
                    "error": f"answer could not be sent: {type(error).__name__}",
                }
            )
    _send({"event": "done"})
    real_stdout.flush()
    os._exit(
        0
    )  # skip interpreter shutdown: atexit hooks and finalizers of student objects


if __name__ == "__main__":
    main(sys.argv[1])
