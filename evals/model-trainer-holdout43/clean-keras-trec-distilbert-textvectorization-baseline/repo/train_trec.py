"""TREC coarse question-type classification: TF DistilBERT fine-tune vs a bag-of-words Keras baseline."""
import json

import numpy as np
import tensorflow as tf
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from tensorflow import keras
from transformers import AutoTokenizer, DataCollatorWithPadding, TFAutoModelForSequenceClassification, create_optimizer

from baseline_bow import build_bow_baseline

SEED = 31
CKPT = "distilbert-base-uncased"
EPOCHS, BATCH = 8, 32
keras.utils.set_random_seed(SEED)


def macro_report(y_true, y_pred):
    return {"accuracy": accuracy_score(y_true, y_pred), "macro_f1": f1_score(y_true, y_pred, average="macro")}


trec = load_dataset("trec")
split = trec["train"].train_test_split(test_size=0.1, seed=SEED, stratify_by_column="coarse_label")
train_raw, val_raw, test_raw = split["train"], split["test"], trec["test"]
num_classes = train_raw.features["coarse_label"].num_classes

bow = build_bow_baseline(np.array(train_raw["text"]), num_classes)
bow.fit(np.array(train_raw["text"]), np.array(train_raw["coarse_label"]),
        validation_data=(np.array(val_raw["text"]), np.array(val_raw["coarse_label"])),
        epochs=20, batch_size=64,
        callbacks=[keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)], verbose=2)
bow_pred = bow.predict(np.array(test_raw["text"])).argmax(-1)

tokenizer = AutoTokenizer.from_pretrained(CKPT)
collator = DataCollatorWithPadding(tokenizer, return_tensors="np")


def encode(ds):
    ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=48), batched=True)
    return ds.rename_column("coarse_label", "labels")


train_ds, val_ds, test_ds = encode(train_raw), encode(val_raw), encode(test_raw)
model = TFAutoModelForSequenceClassification.from_pretrained(CKPT, num_labels=num_classes)
tf_train = model.prepare_tf_dataset(train_ds, shuffle=True, batch_size=BATCH, collate_fn=collator)
tf_val = model.prepare_tf_dataset(val_ds, shuffle=False, batch_size=64, collate_fn=collator)
tf_test = model.prepare_tf_dataset(test_ds, shuffle=False, batch_size=64, collate_fn=collator)

steps = EPOCHS * len(tf_train)
optimizer, _ = create_optimizer(init_lr=5e-5, num_train_steps=steps, num_warmup_steps=int(0.1 * steps),
                                weight_decay_rate=0.01)
model.compile(optimizer=optimizer, metrics=["accuracy"])
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("checkpoints/trec_distilbert.weights.h5", monitor="val_loss",
                                    save_best_only=True, save_weights_only=True),
]
history = model.fit(tf_train, validation_data=tf_val, epochs=EPOCHS, callbacks=callbacks)

test_logits = model.predict(tf_test).logits
results = {
    "bow_baseline": macro_report(test_raw["coarse_label"], bow_pred),
    "distilbert": macro_report(test_raw["coarse_label"], test_logits.argmax(-1)),
    "epochs_run": len(history.history["loss"]),
}
print(json.dumps(results, indent=2))
model.save_pretrained("checkpoints/trec-distilbert-final")
tokenizer.save_pretrained("checkpoints/trec-distilbert-final")
