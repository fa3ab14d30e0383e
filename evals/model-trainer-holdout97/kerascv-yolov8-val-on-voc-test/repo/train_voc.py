"""YOLOv8-S (KerasCV) on PASCAL VOC 2007, starting from the COCO-pretrained backbone."""
import json
import os

import keras_cv
import tensorflow as tf
import tensorflow_datasets as tfds
from keras_cv import bounding_box
from tensorflow import keras

CFG = json.load(open("config.json"))
BBOX_FORMAT = "xyxy"
AUTOTUNE = tf.data.AUTOTUNE

keras.utils.set_random_seed(CFG["seed"])
tf.config.experimental.enable_op_determinism()


def to_model_inputs(example):
    image = tf.cast(example["image"], tf.float32)
    boxes = bounding_box.convert_format(example["objects"]["bbox"], images=image,
                                        source="rel_yxyx", target=BBOX_FORMAT)
    classes = tf.cast(example["objects"]["label"], tf.float32)
    return {"images": image, "bounding_boxes": {"boxes": boxes, "classes": classes}}


def dict_to_tuple(inputs):
    return inputs["images"], bounding_box.to_dense(inputs["bounding_boxes"], max_boxes=32)


def make_pipeline(split, training):
    ds = tfds.load("voc/2007", split=split, shuffle_files=training, with_info=False)
    ds = ds.map(to_model_inputs, num_parallel_calls=AUTOTUNE)
    if training:
        ds = ds.shuffle(CFG["batch_size"] * 8, seed=CFG["seed"])
    ds = ds.ragged_batch(CFG["batch_size"], drop_remainder=training)
    size = (CFG["image_size"], CFG["image_size"])
    if training:
        aug = keras.Sequential([
            keras_cv.layers.RandomFlip(mode="horizontal", bounding_box_format=BBOX_FORMAT),
            keras_cv.layers.JitteredResize(target_size=size, scale_factor=(0.75, 1.3),
                                           bounding_box_format=BBOX_FORMAT),
        ])
    else:
        aug = keras_cv.layers.Resizing(*size, pad_to_aspect_ratio=True, bounding_box_format=BBOX_FORMAT)
    ds = ds.map(aug, num_parallel_calls=AUTOTUNE)
    return ds.map(dict_to_tuple, num_parallel_calls=AUTOTUNE).prefetch(AUTOTUNE)


def build_detector(num_classes):
    backbone = keras_cv.models.YOLOV8Backbone.from_preset(CFG["backbone_preset"])
    model = keras_cv.models.YOLOV8Detector(num_classes=num_classes, bounding_box_format=BBOX_FORMAT,
                                           backbone=backbone, fpn_depth=CFG["fpn_depth"])
    optimizer = keras.optimizers.Adam(learning_rate=CFG["learning_rate"], global_clipnorm=CFG["global_clipnorm"])
    model.compile(optimizer=optimizer, classification_loss="binary_crossentropy", box_loss="ciou")
    return model


def main():
    os.makedirs(CFG["output_dir"], exist_ok=True)
    info = tfds.builder("voc/2007").info
    num_classes = info.features["objects"]["label"].num_classes

    train_ds = make_pipeline("train+validation", training=True)
    eval_ds = make_pipeline("test", training=False)

    model = build_detector(num_classes)
    callbacks = [
        keras_cv.callbacks.PyCOCOCallback(eval_ds, bounding_box_format=BBOX_FORMAT),
        keras.callbacks.EarlyStopping(monitor="val_AP", mode="max", patience=CFG["patience"],
                                      restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(os.path.join(CFG["output_dir"], "best.weights.h5"), monitor="val_AP",
                                        mode="max", save_best_only=True, save_weights_only=True),
        keras.callbacks.CSVLogger(os.path.join(CFG["output_dir"], "history.csv")),
    ]
    history = model.fit(train_ds, validation_data=eval_ds, epochs=CFG["epochs"], callbacks=callbacks)

    best_epoch = max(range(len(history.history["val_AP"])), key=lambda i: history.history["val_AP"][i])
    summary = {k: float(v[best_epoch]) for k, v in history.history.items() if k.startswith("val_")}
    summary["best_epoch"] = best_epoch
    with open(os.path.join(CFG["output_dir"], "voc2007_test_metrics.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
