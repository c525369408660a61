"""Lab 5, data-parallel training: why the replicas' averaged gradient is one device's, what the
comparison isolates, batch norm across replicas, the linear scaling rule, what a split CPU shows."""

from __future__ import annotations

from ..facts import fact
from ..quiz import choice, numeric


def _lenet_gradient_numbers() -> int:
    """Numbers each replica contributes to the all-reduce per step: one per trainable weight."""
    from ..models import card

    return card("lenet5_modern").trainable.value


def _linear_scaling_factor() -> int:
    """How many times Goyal et al.'s largest accurate batch holds their baseline batch."""
    largest, baseline = (
        fact("goyal_max_batch").value,
        fact("goyal_baseline_batch").value,
    )
    assert largest % baseline == 0
    return int(largest // baseline)


def questions() -> list[dict]:
    """The quiz of lab 5 (quiz name ``lab-data-parallel``)."""
    per_gpu = fact("goyal_per_gpu_batch").text
    gpus = fact("goyal_gpus").text
    largest = fact("goyal_max_batch").text
    baseline = fact("goyal_baseline_batch").text
    return [
        choice(
            "Each of R replicas averages the loss over its own equal share of the global batch, "
            "and the all-reduce then averages the R gradients. Why is that average the gradient "
            "one device would compute on the whole batch?",
            {
                "The mean of equal shares' means is the overall mean": (
                    True,
                    "Right: (1/R) times the sum over replicas of (R/B) times each share's sum of "
                    "gradients is (1/B) times the sum over all B examples.",
                ),
                "Averaging removes the noise of the small shares": (
                    False,
                    "The average is exactly the full-batch gradient, no less noisy than one device's "
                    "gradient on the same batch; it is equal, not better.",
                ),
                "Each replica already computes the full-batch gradient": (
                    False,
                    "A replica sees only its share, so its own gradient is a noisier estimate; only "
                    "the average over the replicas recovers the whole batch's.",
                ),
                "Summing instead would work as well": (
                    False,
                    "A sum of R share-means is R times the full-batch gradient: the step would be "
                    "as if the learning rate had been multiplied by R.",
                ),
            },
        ),
        choice(
            "Why does the lab cut the training set with lab.whole_batches before it trains on "
            "two devices?",
            {
                "Every batch must split into equal shares": (
                    True,
                    "Right: jax shards a batch evenly over the devices and refuses one it cannot "
                    "split; with unequal shares, averaging the replicas' means would weight the "
                    "examples of the smaller share more.",
                ),
                "An incomplete batch leaves the data-parallel scope": (
                    False,
                    "The scope is fixed when the model is built and compiled; a batch's size does "
                    "not take the model out of it.",
                ),
                "It makes the comparison run faster": (
                    False,
                    "It drops less than one batch of examples; the time saved is negligible and is "
                    "not the reason.",
                ),
                "LeNet-5's batch norm needs full batches": (
                    False,
                    "The lab's LeNet-5 has no batch normalisation; the requirement comes from "
                    "splitting the batch, whatever the model.",
                ),
            },
        ),
        choice(
            "Why do both training runs of the comparison use shuffle=False?",
            {
                "So that both see the same batches in the same order": (
                    True,
                    "Right: then any difference between the runs comes from the arithmetic alone; "
                    "with shuffling, the two data pipelines could order the examples differently "
                    "for reasons that have nothing to do with data parallelism.",
                ),
                "MirroredStrategy cannot shuffle": (
                    False,
                    "It can; real data-parallel training shuffles every epoch (one shuffle, split "
                    "between the workers). The lab turns it off only for the comparison.",
                ),
                "Unshuffled training reaches a lower loss": (
                    False,
                    "If anything, shuffling usually helps; the lab is not after the lowest loss but "
                    "after two runs that should be identical.",
                ),
            },
        ),
        choice(
            "After one step the two runs' weights agree to rounding; after the whole run they "
            "differ far more. What does the late difference say about data parallelism?",
            {
                "Nothing: training amplifies rounding differences": (
                    True,
                    "Right: the all-reduce adds partial sums in another order than one device, "
                    "floating-point addition is not associative, and every step builds on the "
                    "last; two processors would drift apart the same way.",
                ),
                "The all-reduce loses part of the gradient": (
                    False,
                    "Then the first step would already differ by far more than rounding; it does "
                    "not.",
                ),
                "The replicas' copies of the weights drift apart": (
                    False,
                    "Every replica applies the same averaged update, so the copies stay equal; the "
                    "difference is between the one-device run and the data-parallel run.",
                ),
                "The data-parallel run has a smaller learning rate": (
                    False,
                    "A different learning rate would show in the very first update, which agrees "
                    "to rounding.",
                ),
            },
        ),
        choice(
            "The lab sets mixed_precision='off', though float16 would be faster on a GPU. Why?",
            {
                "float16 rounding would bury the differences": (
                    True,
                    "Right: float16 keeps about three significant digits; the one-step differences "
                    "the comparison looks at are far smaller than its rounding.",
                ),
                "Mixed precision cannot be combined with data parallelism": (
                    False,
                    "It can, and large runs combine them routinely; the reason is the comparison's "
                    "precision.",
                ),
                "The split CPU devices cannot compute in float16": (
                    False,
                    "A CPU can compute in float16 (slowly); the setting is the same on a GPU, "
                    "where float16 is fast.",
                ),
            },
        ),
        choice(
            "Under tf.distribute.MirroredStrategy, ResNet-20's weights differ from one device's "
            "after a single step, while LeNet-5's agree to rounding. Why?",
            {
                "Each replica's batch norm uses its own share's statistics": (
                    True,
                    "Right: a mean and a variance over half the batch differ from those over all of "
                    "it, so the forward pass and the gradient differ; "
                    "BatchNormalization(synchronized=True) would all-reduce the statistics.",
                ),
                "ResNet-20 is deeper, so rounding grows faster": (
                    False,
                    "One step is too little for rounding to grow; the difference comes from a "
                    "different computation, not from amplified rounding.",
                ),
                "The shortcuts are computed on one replica only": (
                    False,
                    "Every replica holds the whole model, shortcuts included, and runs it on its "
                    "own share.",
                ),
                "Only the convolutions' gradients are all-reduced": (
                    False,
                    "Every trainable variable's gradient is all-reduced, batch norm's scale and "
                    "shift included.",
                ),
            },
        ),
        choice(
            f"Goyal et al. keep {per_gpu} images per GPU and compute batch-norm statistics on "
            f"each GPU alone, even on {gpus} GPUs. Why not over the whole global batch?",
            {
                "The statistics' batch size is part of the loss being minimised": (
                    True,
                    "Right: with the per-GPU batch fixed, the objective is the same at every number "
                    "of GPUs (their Section 2.3); it also saves an all-reduce per batch-norm layer.",
                ),
                "Statistics over more images would be noisier": (
                    False,
                    "Over more images they are less noisy; the point is that changing the batch "
                    "that batch norm sees changes the function being optimised.",
                ),
                "Their framework could not synchronise batch norm": (
                    False,
                    "The paper argues from the loss function, not from the tooling: per-GPU "
                    "statistics are a choice, not a limitation.",
                ),
            },
        ),
        choice(
            "You go from one GPU with a batch of 256 to four GPUs with 256 each, for the same "
            "number of epochs. What does the linear scaling rule prescribe for the learning rate?",
            {
                "Four times as large, reached by a warm-up": (
                    True,
                    "Right: an epoch now has a quarter of the steps, and one large step has to move "
                    "the weights about as far as four small ones did.",
                ),
                "The same rate: the averaged gradient has not changed": (
                    False,
                    "Its expectation has not, but there are four times fewer steps per epoch, so "
                    "at the old rate the weights move a quarter as far.",
                ),
                "Twice as large, the square root of four": (
                    False,
                    "Goyal et al. tried the square-root rule for ImageNet; it gave a clearly worse "
                    "error than the linear rule in their experiments.",
                ),
                "A quarter as large, since each step sees four times the examples": (
                    False,
                    "Backwards: a larger batch gives a less noisy gradient, which allows a larger "
                    "step, not a smaller one.",
                ),
            },
        ),
        choice(
            "Why does the linear scaling rule need a gradual warm-up at the start of training?",
            {
                "Early on the gradient changes too fast between steps": (
                    True,
                    "Right: one large step stands in for k small ones only if the gradient barely "
                    "changes over those k steps, which fails while the network changes quickly.",
                ),
                "The GPUs' memory must first fill with the large batch": (
                    False,
                    "Memory is allocated once, at the first step; the warm-up is about optimisation, "
                    "not about the hardware.",
                ),
                "Batch norm's moving averages must settle first": (
                    False,
                    "The moving averages are used at inference; the training updates use each "
                    "batch's own statistics, so they are not what the warm-up protects.",
                ),
                "Otherwise the rate would end above its target": (
                    False,
                    "The warm-up ends at the same target rate; it changes only how the rate gets "
                    "there, rising instead of jumping.",
                ),
            },
        ),
        choice(
            "On the CPU split into two virtual devices, you time an epoch with one device and with "
            "both. What will you find, and why?",
            {
                "No real speed-up: both devices share the same cores": (
                    True,
                    "Right: the split presents one processor as two; the work per step is the same, "
                    "plus an all-reduce through memory, so the arithmetic can be checked, the "
                    "speed cannot.",
                ),
                "Twice the speed, since each device does half the work": (
                    False,
                    "Each does half the work on the same cores that one device would have used for "
                    "all of it.",
                ),
                "The speed-up two T4 GPUs would give": (
                    False,
                    "Nothing about the split CPU's timing carries over to GPUs: other processors, "
                    "other memory, another interconnect.",
                ),
            },
        ),
        numeric(
            "Each replica of the lab's modern LeNet-5 sends one number per trainable weight into "
            "the gradient all-reduce at every step. How many numbers is that?",
            _lenet_gradient_numbers(),
            "Right: one gradient per trainable weight, whatever the batch size; a larger batch per "
            "device therefore makes each step's communication cheaper relative to its computation.",
            "Count the trainable weights of lenet5_modern (its model card, or model.count_params() "
            "for a model built as in the lab); the batch size does not enter.",
        ),
        numeric(
            f"Goyal et al.'s baseline used a global batch of {baseline} at their reference "
            f"learning rate; their largest batch that kept its accuracy was {largest}. By what "
            "factor does the linear scaling rule multiply the learning rate there?",
            _linear_scaling_factor(),
            "Right: the batch grows by that factor, and so does the learning rate, reached over a "
            "gradual warm-up.",
            "The rule scales the learning rate by the same factor as the batch: divide the large "
            "batch by the baseline's.",
        ),
    ]
