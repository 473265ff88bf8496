#!/usr/bin/python3
"""Writes the CSV test corpus and its expectations (expected.json) into this folder.

Run from this folder: /usr/bin/python3 make_corpus.py. The files are committed (binary-safe, see
.gitattributes), so tests never run this script; it documents how every byte was made.
"""
import json

cases = []


def write(name, data, **expect):
    if data is not None:
        with open(name, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    expect["file"] = name
    cases.append(expect)


def ok(name, data, **kw):
    write(name, data, expect="ok", **kw)


def err(name, data, line, message, column=None, **kw):
    write(name, data, expect="error", line=line, column=column, message=message, **kw)


# ---- good but messy -------------------------------------------------------------------------------
ok("bank_semicolon_decimal_comma.csv",
   "Kunde;Saldo;Zins;Filiale\r\nK001;1234,56;0,5;Nord\r\nK002;-20,10;1,25;Süd\r\nK003;0,00;0,75;Nord\r\n"
   "K004;99,99;NA;West\r\nK005;1500,5;1,5;Süd\r\n",
   rows=5, cols=4, delimiter=";", decimal=",", encoding="UTF-8", header=True, lineEnding="CRLF",
   types={"Kunde": "identifier", "Saldo": "numeric", "Zins": "numeric", "Filiale": "categorical"},
   missing={"Zins": 1}, means={"Saldo": 562.99, "Zins": 1.0}, contains={"Filiale": "Süd"})

ok("excel_bom.csv", b"\xef\xbb\xbf" + b"Name,Age,City\r\nAnna,34,Berlin\r\nBen,45,Paris\r\nCarla,29,Berlin\r\n",
   rows=3, cols=3, delimiter=",", decimal=".", encoding="UTF-8", header=True, bom=True, lineEnding="CRLF",
   names=["Name", "Age", "City"], types={"Name": "identifier", "Age": "numeric", "City": "categorical"},
   means={"Age": 36.0})

ok("windows1252_accents.csv",
   "Nom;Prénom;Solde\r\nMüller;José;12,5\r\nDupré;Françoise;7,25\r\nØster;Zoë;3\r\n".encode("cp1252"),
   rows=3, cols=3, delimiter=";", decimal=",", encoding="windows-1252", header=True,
   names=["Nom", "Prénom", "Solde"], contains={"Prénom": "José", "Nom": "Øster"}, means={"Solde": 7.583333333333333})

late = "name,score\n" + "".join(f"customer{i},{i % 97}\n" for i in range(4000)) + "Zoë,5\n"
ok("windows1252_late_accent.csv", late.encode("cp1252"),
   rows=4001, cols=2, delimiter=",", decimal=".", encoding="windows-1252", header=True,
   contains={"name": "Zoë"}, types={"name": "identifier", "score": "numeric"})

ok("tab.tsv", "id\tincome\tregion\n1\t52000\tnorth\n2\t61000.5\tsouth\n3\t\tnorth\n4\t48000\teast\n",
   rows=4, cols=3, delimiter="\t", decimal=".", header=True, lineEnding="LF",
   types={"id": "identifier", "income": "numeric", "region": "categorical"}, missing={"income": 1})

ok("pipe.csv", "customer|visits|spend\nA1|3|10.5\nA2|5|20.25\nA3|1|3\nA4|5|7\n",
   rows=4, cols=3, delimiter="|", decimal=".", header=True,
   types={"customer": "identifier", "visits": "numeric"}, means={"spend": 10.1875})

ok("cr_only.csv", "a,b,c\r1,2,x\r3,4,y\r5,6,x\r",
   rows=3, cols=3, delimiter=",", header=True, lineEnding="CR", means={"a": 3.0, "b": 4.0},
   types={"c": "categorical"})

ok("quoted_embedded.csv",
   'id,comment,amount\n1,"Hello, world",10.5\n2,"Line one\nline two",20\n3,"She said ""hi""",30\n4,plain,40\n',
   rows=4, cols=3, delimiter=",", decimal=".", header=True,
   types={"id": "identifier", "comment": "identifier", "amount": "numeric"},
   contains={"comment": "Line one\nline two"}, means={"amount": 25.125})

ok("no_header.csv", "1.5,2,3\n4,5.5,6\n7,8,9.5\n",
   rows=3, cols=3, delimiter=",", header=False, names=["column_1", "column_2", "column_3"],
   means={"column_1": 4.1666666666666667})

ok("id_with_gaps.csv",
   "CustomerID,Spend,Segment\n1,10.5,a\n2,3,b\n5,7.25,a\n9,1,b\n10,8,a\n17,2,a\n18,4.5,b\n40,6,a\n",
   rows=8, cols=3, header=True, types={"CustomerID": "identifier", "Spend": "numeric", "Segment": "categorical"})

ok("duplicate_headers.csv", "BALANCE,BALANCE,,PAYMENTS\n1,2,3,4\n5,6,7,8\n9,10,11,12\n",
   rows=3, cols=4, header=True, names=["BALANCE", "BALANCE_2", "column_3", "PAYMENTS"],
   warnings=["BALANCE_2", "column_3"])

nn = "CUST,AGE,INCOME\n" + "".join(
    f"c{i},{'abc' if i == 7 else ('unknown' if i == 13 else ('NA' if i == 3 else 20 + i))},{1000 + i}\n"
    for i in range(20))
ok("non_numeric_cells.csv", nn, rows=20, cols=3, header=True, types={"AGE": "numeric"},
   missing={"AGE": 3}, nonNumeric={"AGE": 2}, warnings=["AGE", "2 cells", "abc", "unknown"])

mm = "x,y\n" + "".join(f"{m},{i}\n" for i, m in enumerate(["", "NA", "N/A", "NaN", "null", "NULL", "?", "-", "#N/A",
                                                           "1.5", "2.5", " 3.5 "]))
ok("missing_markers.csv", mm, rows=12, cols=2, header=True, missing={"x": 9, "y": 0}, means={"x": 2.5},
   types={"x": "numeric"})

ok("ragged_skip.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n13,14,15\n",
   options={"skipRaggedRows": True}, rows=3, cols=3, header=True, skipped=2,
   warnings=["Skipped 2 rows", "line 3"], means={"a": 6.666666666666667})

ok("blank_lines.csv", "\na,b\n1,2\n\n3,4\n\n\n5,6", rows=3, cols=2, header=True, means={"b": 4.0})

ok("constant_empty.csv", "flag,level,note,v\nyes,5,,1\nyes,5,NA,2\nyes,5,,3\n",
   rows=3, cols=4, header=True,
   types={"flag": "constant", "level": "constant", "note": "empty", "v": "numeric"}, missing={"note": 3})

ok("categorical_text.csv", "segment,score\ngold,1\nsilver,2\ngold,3\nbronze,4\nsilver,5\n",
   rows=5, cols=2, header=True, types={"segment": "categorical", "score": "numeric"}, distinct={"segment": 3})

# ---- bad input ------------------------------------------------------------------------------------
err("does_not_exist.csv", None, line=0, message=["does not exist"])
err("empty.csv", b"", line=0, message=["empty"])
err("whitespace_only.csv", b"\xef\xbb\xbf\r\n  \r\n", line=0, message=["empty"])
err("header_only.csv", "CUST_ID,BALANCE,PAYMENTS\r\n", line=2, message=["header", "no data rows"])
err("ragged.csv", "a,b,c,d\n1,2,3,4\n5,6,7,8\n9,10,11,12,13\n14,15,16,17\n", line=4,
    message=["line 4", "5 fields", "4 were expected", "--skip-ragged"])
err("ragged_short.csv", "a,b,c,d\n1,2,3,4\n5,6\n", line=3, column="c", message=["line 3", "2 fields", "column c"])
err("ragged_quoted.csv", 'id,comment,amount\n1,"two\nlines",5\n2,ok,6,extra\n', line=4,
    message=["line 4", "4 fields", "3 were expected"])
err("binary_nul.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, line=0,
    message=["not a text file", "NUL"])
err("control_chars.csv", b"a,b\n" + b"\x01\x02\x03\x04,\x05\x06\x07\x08\n" * 50, line=0,
    message=["control characters"])
err("long_line.csv", "a,b\n1,2\n" + "3," + "9" * 500 + "\n4,5\n", line=3, options={"maxLineChars": 100},
    message=["line 3", "limit of 100"])
err("unclosed_quote.csv", 'a,b\n1,2\n3,"oops\n4,5\n', line=3, message=["line 3", "quote"])

with open("expected.json", "w", encoding="utf-8") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
    f.write("\n")
