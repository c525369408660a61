"""The fully connected classifier shared by AlexNet, ZFNet, VGG and C3D."""

from __future__ import annotations

from keras import layers


def dense_classifier(
    x, num_classes, dropout, hidden_indices=(6, 7), output_name="fc8", width=4096
):
    """Flatten, two ReLU layers of ``width`` units with dropout, then a softmax layer.

    ``hidden_indices`` name the hidden layers (``fc6, fc7`` in AlexNet and C3D,
    ``fc1, fc2`` in VGG, as keras.applications names them).
    """
    x = layers.Flatten(name="flatten")(x)
    for i in hidden_indices:
        x = layers.Dense(width, activation="relu", name=f"fc{i}")(x)
        if dropout:
            x = layers.Dropout(dropout, name=f"drop{i}")(x)
    return layers.Dense(num_classes, activation="softmax", name=output_name)(x)
