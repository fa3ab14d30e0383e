"""DS-CNN keyword spotter for the smart-thermostat command set (Keras).

Clips live under <data_dir>/<label>/<speaker>_<take>.wav, 1 s at 16 kHz.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

SR = 16000
AUTOTUNE = tf.data.AUTOTUNE


def index_clips(data_dir):
    rows = []
    for wav in Path(data_dir).glob("*/*.wav"):
        rows.append({"path": str(wav), "label": wav.parent.name, "speaker": wav.stem.split("_")[0]})
    return pd.DataFrame(rows)


def split_by_speaker(clips, test_frac=0.1, val_frac=0.1):
    speakers = clips["speaker"].unique()
    trainval_spk, test_spk = train_test_split(speakers, test_size=test_frac)
    train_spk, val_spk = train_test_split(trainval_spk, test_size=val_frac / (1 - test_frac))
    pick = lambda s: clips[clips["speaker"].isin(s)].reset_index(drop=True)
    return pick(train_spk), pick(val_spk), pick(test_spk)


def decode(path):
    audio, _ = tf.audio.decode_wav(tf.io.read_file(path), desired_channels=1)
    audio = tf.squeeze(audio, -1)[:SR]
    return tf.pad(audio, [[0, SR - tf.shape(audio)[0]]])


def augment(audio):
    shift = tf.random.uniform([], -1600, 1600, dtype=tf.int32)
    audio = tf.roll(audio, shift, axis=0)
    noise = tf.random.normal(tf.shape(audio), stddev=tf.random.uniform([], 0.0, 0.01))
    return audio + noise


def log_mel(audio):
    stft = tf.abs(tf.signal.stft(audio, frame_length=480, frame_step=160, fft_length=512))
    mel_w = tf.signal.linear_to_mel_weight_matrix(40, 257, SR, 20.0, 7600.0)
    mel = tf.math.log(tf.tensordot(stft, mel_w, 1) + 1e-6)
    return mel[..., tf.newaxis]


def make_ds(frame, label_ids, training, batch_size=64):
    ds = tf.data.Dataset.from_tensor_slices((frame["path"].values, frame["label"].map(label_ids).values))
    if training:
        ds = ds.shuffle(len(frame), reshuffle_each_iteration=True)
    ds = ds.map(lambda p, y: (decode(p), y), num_parallel_calls=AUTOTUNE)
    if training:
        ds = ds.map(lambda a, y: (augment(a), y), num_parallel_calls=AUTOTUNE)
    ds = ds.map(lambda a, y: (log_mel(a), y), num_parallel_calls=AUTOTUNE)
    return ds.batch(batch_size).prefetch(AUTOTUNE)


def ds_block(x, filters, stride):
    x = tf.keras.layers.DepthwiseConv2D(3, strides=stride, padding="same", use_bias=False)(x)
    x = tf.keras.layers.BatchNormalization()(x)
    x = tf.keras.layers.ReLU()(x)
    x = tf.keras.layers.Conv2D(filters, 1, use_bias=False)(x)
    x = tf.keras.layers.BatchNormalization()(x)
    return tf.keras.layers.ReLU()(x)


def build_dscnn(n_classes, input_shape=(98, 40, 1)):
    inp = tf.keras.Input(shape=input_shape)
    x = tf.keras.layers.Conv2D(64, (10, 4), strides=(2, 2), padding="same", use_bias=False)(inp)
    x = tf.keras.layers.BatchNormalization()(x)
    x = tf.keras.layers.ReLU()(x)
    for stride in [1, 1, 1, 1]:
        x = ds_block(x, 64, stride)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.4)(x)
    out = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    return tf.keras.Model(inp, out)


def main(args):
    clips = index_clips(args.data_dir)
    labels = sorted(clips["label"].unique())
    label_ids = {l: i for i, l in enumerate(labels)}
    train, val, test = split_by_speaker(clips)
    print(f"{len(train)} train / {len(val)} val / {len(test)} test clips")

    model = build_dscnn(len(labels))
    model.compile(optimizer=tf.keras.optimizers.Adam(args.lr),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(args.ckpt, monitor="val_loss", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    ]
    model.fit(make_ds(train, label_ids, True), validation_data=make_ds(val, label_ids, False),
              epochs=args.epochs, callbacks=callbacks)

    y_true = test["label"].map(label_ids).values
    y_pred = model.predict(make_ds(test, label_ids, False)).argmax(axis=1)
    print(classification_report(y_true, y_pred, target_names=labels, digits=4))
    print("macro-F1", round(f1_score(y_true, y_pred, average="macro"), 4))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default="data/thermostat_cmds")
    p.add_argument("--ckpt", default="checkpoints/dscnn_best.keras")
    p.add_argument("--epochs", type=int, default=80)
    p.add_argument("--lr", type=float, default=2e-3)
    main(p.parse_args())
