"""Legal judgement NER: COURT, JUDGE, STATUTE, PROVISION, PRECEDENT, PETITIONER, RESPONDENT."""
import json
from collections import Counter

import numpy as np
from datasets import Dataset
from seqeval.metrics import classification_report, f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from transformers import (AutoModelForTokenClassification, AutoTokenizer, DataCollatorForTokenClassification,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from augment import build_mention_pool, oversample_rare_types, spans

SEED = 31
MODEL = "nlpaueb/legal-bert-base-uncased"
RARE_TYPES = ["STATUTE", "PROVISION", "PRECEDENT"]


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def entity_counts(sents):
    return Counter(label for s in sents for _, _, label in spans(s["tags"]))


set_seed(SEED)
sentences = load("data/judgements_annotated.jsonl")
print("before augmentation:", entity_counts(sentences))
pool = build_mention_pool(sentences)
sentences = oversample_rare_types(sentences, pool, RARE_TYPES, copies=4, seed=SEED)
print("after augmentation:", entity_counts(sentences))

train_sents, rest = train_test_split(sentences, test_size=0.2, random_state=SEED)
dev_sents, test_sents = train_test_split(rest, test_size=0.5, random_state=SEED)

labels = sorted({t for s in train_sents for t in s["tags"]})
label2id = {l: i for i, l in enumerate(labels)}
id2label = {i: l for l, i in label2id.items()}
tokenizer = AutoTokenizer.from_pretrained(MODEL)


def encode(batch):
    enc = tokenizer(batch["tokens"], is_split_into_words=True, truncation=True, max_length=256)
    enc["labels"] = []
    for i, tags in enumerate(batch["tags"]):
        prev, row = None, []
        for wid in enc.word_ids(i):
            row.append(-100 if wid is None or wid == prev else label2id[tags[wid]])
            prev = wid
        enc["labels"].append(row)
    return enc


def to_dataset(sents):
    ds = Dataset.from_list([{"tokens": s["tokens"], "tags": s["tags"]} for s in sents])
    return ds.map(encode, batched=True, remove_columns=["tokens", "tags"])


def align(preds, label_ids):
    gold, pred = [], []
    for p_row, l_row in zip(preds, label_ids):
        keep = l_row != -100
        gold.append([id2label[int(x)] for x in l_row[keep]])
        pred.append([id2label[int(x)] for x in p_row[keep]])
    return gold, pred


def compute_metrics(eval_pred):
    gold, pred = align(np.argmax(eval_pred.predictions, -1), eval_pred.label_ids)
    return {"precision": precision_score(gold, pred), "recall": recall_score(gold, pred), "f1": f1_score(gold, pred)}


model = AutoModelForTokenClassification.from_pretrained(MODEL, num_labels=len(labels), id2label=id2label, label2id=label2id)
args = TrainingArguments(
    output_dir="runs/legal_ner", learning_rate=4e-5, num_train_epochs=15, per_device_train_batch_size=16,
    warmup_ratio=0.1, weight_decay=0.01, evaluation_strategy="epoch", save_strategy="epoch",
    load_best_model_at_end=True, metric_for_best_model="f1", save_total_limit=2, seed=SEED, report_to="none",
)
trainer = Trainer(
    model=model, args=args, train_dataset=to_dataset(train_sents), eval_dataset=to_dataset(dev_sents),
    tokenizer=tokenizer, data_collator=DataCollatorForTokenClassification(tokenizer),
    compute_metrics=compute_metrics, callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
)
trainer.train()

out = trainer.predict(to_dataset(test_sents))
gold, pred = align(np.argmax(out.predictions, -1), out.label_ids)
print(classification_report(gold, pred, digits=4))
trainer.save_model("runs/legal_ner/best")
