"""District and policy documents: JSON/TOML in, plain mappings out, every error with its full path."""

from __future__ import annotations

import copy
import datetime
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import community_rules as cr
from community_rules.documents import (
    MAX_DEPTH,
    dump_district,
    dump_office,
    dump_policy,
    load_district,
    load_office,
    load_policy,
    read_document,
    to_json,
)
from community_rules.enums import CommunityKind, Education, Insurance
from community_rules.errors import DocumentError, Error, InvalidType, InvalidValue, LimitExceeded
from community_rules.model import (
    Building,
    BuildingHead,
    Community,
    District,
    ExistingSubArea,
    Project,
    PublicRoom,
    StaffMember,
    SubDistrictOffice,
    Workstation,
)
from community_rules.policy import DEFAULT_POLICY, Policy, SubAreaRule, Weights
from community_rules.strategies import districts as cr_districts

D = Decimal


def _district_doc() -> dict[str, Any]:
    """One office with four communities; the fourth has eight buildings (B0…B7)."""
    return {
        "id": "D",
        "offices": [
            {
                "id": "O",
                "communities": [
                    {"id": "C0"},
                    {"id": "C1"},
                    {"id": "C2"},
                    {"id": "C3", "buildings": [{"id": f"B{i}", "households": 10 + i} for i in range(8)]},
                ],
            }
        ],
    }


def _error(doc: Any, error: type[Error] = Error) -> Error:
    with pytest.raises(error) as info:
        load_district(doc)
    return info.value


BUILDING_7 = "offices[0].communities[3].buildings[7]"


class TestLoadingSources:
    def test_mapping(self) -> None:
        d = load_district(_district_doc())
        assert isinstance(d, District)
        assert d.community("C3").households == sum(10 + i for i in range(8))  # 10 + … + 17 = 108

    def test_json_file(self, tmp_path: Path) -> None:
        path = tmp_path / "district.json"
        path.write_text(json.dumps(_district_doc()), encoding="utf-8")
        assert load_district(path) == load_district(_district_doc())
        assert load_district(str(path)) == load_district(_district_doc())

    def test_toml_file(self, tmp_path: Path) -> None:
        path = tmp_path / "district.toml"
        path.write_text(
            'id = "D"\n[[offices]]\nid = "O"\n[[offices.communities]]\nid = "C"\nkind = "new"\n'
            'office_funds = 12.5\nbuildings = [{ id = "B1", households = 120 }]\n',
            encoding="utf-8",
        )
        d = load_district(path)
        c = d.community("C")
        assert (c.kind, c.households, c.office_funds) == (CommunityKind.NEW, 120, D("12.5"))

    def test_bytes_json_and_toml(self) -> None:
        as_json = json.dumps(_district_doc()).encode("utf-8")
        assert load_district(as_json) == load_district(_district_doc())
        assert load_district(b'id = "D"\n') == District("D")

    @pytest.mark.parametrize("text", ['{"id": "D"}', '  [{"id": "D"}]', 'id = "D"\n'])
    def test_text_passed_as_a_path_is_named_for_what_it_is(self, text: str) -> None:
        # A str is a path; the text of a document (a huge one gave "File name too long",
        # with the whole text as the path) gets an error saying how to pass it.
        with pytest.raises(DocumentError, match=r"is the text of a document, not a path") as info:
            load_district(text)
        assert (info.value.path, info.value.value) == ("source", text)
        assert "text.encode()" in info.value.message_zh
        big = json.dumps(_district_doc()) * 40
        with pytest.raises(DocumentError) as info:
            load_district(big)
        assert info.value.path == "source"
        assert len(str(info.value)) < 1000

    def test_a_missing_file_is_still_a_missing_file(self, tmp_path: Path) -> None:
        missing = tmp_path / "nowhere.json"
        with pytest.raises(DocumentError, match="cannot be read") as info:
            load_district(str(missing))
        assert info.value.path == str(missing)

    def test_suffix_decides_the_format(self, tmp_path: Path) -> None:
        path = tmp_path / "district.toml"
        path.write_text('{"id": "D"}', encoding="utf-8")  # JSON text in a .toml file
        with pytest.raises(DocumentError, match="is not valid TOML"):
            load_district(path)

    def test_content_decides_without_a_suffix(self, tmp_path: Path) -> None:
        path = tmp_path / "district"
        path.write_text('  {"id": "D"}', encoding="utf-8")
        assert load_district(path) == District("D")

    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "nope.json"
        err = _error(path, DocumentError)
        assert err.path == str(path)
        assert "cannot be read: No such file or directory" in str(err)

    @pytest.mark.parametrize("source", [[1, 2], 5, None])
    def test_not_a_source(self, source: object) -> None:
        err = _error(source, InvalidType)
        assert "expected a mapping, a path or bytes" in str(err)


class TestNumbersAreDecimal:
    def test_toml_float_is_read_as_decimal(self) -> None:
        d = load_district(
            b'id = "D"\n[[offices]]\nid = "O"\n[[offices.communities]]\nid = "C"\noffice_funds = 12.5\n'
        )
        funds = d.community("C").office_funds
        assert type(funds) is Decimal
        assert funds == D("12.5")

    def test_json_float_is_read_as_decimal(self) -> None:
        doc = b'{"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "office_funds": 12.5}]}]}'
        funds = load_district(doc).community("C").office_funds
        assert type(funds) is Decimal
        assert funds == D("12.5")

    def test_read_document_never_makes_a_float(self) -> None:
        assert read_document(b'{"a": 0.1, "b": [1e-7]}') == {"a": D("0.1"), "b": [D("1E-7")]}
        assert type(read_document(b"a = 0.1\n")["a"]) is Decimal

    def test_many_digits_survive(self) -> None:
        doc = b'{"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "office_funds": 12345678901234.56}]}]}'
        assert str(load_district(doc).community("C").office_funds) == "12345678901234.56"

    @pytest.mark.parametrize("text", [b"1.0", b"1e2"])
    def test_a_decimal_is_no_count(self, text: bytes) -> None:
        doc = (
            b'{"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "households": '
            + text
            + b"}]}]}"
        )
        err = _error(doc, InvalidType)
        assert err.path == "offices[0].communities[0].households"


class TestErrorPaths:
    def _doc_with(self, **building: Any) -> dict[str, Any]:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["buildings"][7] = {"id": "B7", **building}
        return doc

    def test_negative_households(self) -> None:
        err = _error(self._doc_with(households=-5), InvalidValue)
        assert err.path == f"{BUILDING_7}.households"
        assert str(err) == (
            "offices[0].communities[3].buildings[7].households: -5 is negative "
            "(offices[0].communities[3].buildings[7].households：-5 为负数)"
        )

    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            (D("1.5"), InvalidValue, r"Decimal\('1.5'\) is not a whole number"),
            (True, InvalidType, "True is of type bool"),
            ("3", InvalidType, "'3' is of type str"),
            (None, InvalidType, "None is of type NoneType"),
        ],
    )
    def test_bad_count(self, value: object, error: type[Error], match: str) -> None:
        err = _error(self._doc_with(households=value), error)
        assert err.path == f"{BUILDING_7}.households"
        assert re.search(match, str(err))

    def test_duplicate_building_id(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["buildings"][7]["id"] = "B2"
        err = _error(doc, InvalidValue)
        assert err.path == f"{BUILDING_7}.id"
        assert "'B2' is a duplicate building id" in str(err)

    def test_duplicate_community_id(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][2]["id"] = "C0"
        err = _error(doc, InvalidValue)
        assert err.path == "offices[0].communities[2].id"

    def test_duplicate_community_across_offices(self) -> None:
        doc = _district_doc()
        doc["offices"].append({"id": "O2", "communities": [{"id": "C1"}]})
        err = _error(doc, InvalidValue)
        assert err.path == "offices[1].communities[0].id"
        assert "also in office 'O'" in str(err)

    def test_unknown_field_lists_the_valid_ones(self) -> None:
        err = _error(self._doc_with(households=1, floors=5), InvalidValue)
        assert err.path == f"{BUILDING_7}.floors"
        assert (
            "'floors' is not a field of Building (valid: id, households, compound, residents_group)"
            in str(err)
        )
        assert "有效字段：id, households, compound, residents_group" in err.message_zh

    def test_unknown_top_level_field(self) -> None:
        err = _error({"id": "D", "office": []}, InvalidValue)
        assert err.path == "office"
        assert "(valid: id, offices, name, projects)" in str(err)

    def test_unknown_kind(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["kind"] = "city"
        err = _error(doc, InvalidValue)
        assert err.path == "offices[0].communities[3].kind"
        assert "'city' is not a valid CommunityKind (valid: old_town, new)" in str(err)

    def test_null_kind(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["kind"] = None
        assert _error(doc, InvalidType).path == "offices[0].communities[3].kind"

    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            ("2009-02-30", InvalidValue, "'2009-02-30' is not a valid date"),
            ("yesterday", InvalidValue, "'yesterday'"),
            ("3/5/2009", InvalidValue, "'3/5/2009'"),
            (20090305, InvalidType, "20090305"),
        ],
    )
    def test_malformed_date(self, value: object, error: type[Error], match: str) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["building_heads"] = [
            {"id": "H", "buildings": ["B1"], "start": value}
        ]
        err = _error(doc, error)
        assert err.path == "offices[0].communities[3].building_heads[0].start"
        assert match in str(err)

    def test_malformed_project_date(self) -> None:
        err = _error({"id": "D", "projects": [{"id": "P", "completed": "2009-02-30"}]}, InvalidValue)
        assert err.path == "projects[0].completed"

    def test_date_is_read(self) -> None:
        d = load_district({"id": "D", "projects": [{"id": "P", "completed": "2009-05-20"}]})
        assert d.projects[0].completed == datetime.date(2009, 5, 20)

    def test_missing_required_field(self) -> None:
        err = _error(self._doc_with(), InvalidValue)
        assert err.path == f"{BUILDING_7}.households"
        assert err.value is Ellipsis
        assert str(err) == f"{BUILDING_7}.households: is missing ({BUILDING_7}.households：缺失)"

    def test_missing_id(self) -> None:
        doc = _district_doc()
        del doc["offices"][0]["communities"][1]["id"]
        assert _error(doc, InvalidValue).path == "offices[0].communities[1].id"

    def test_missing_district_id(self) -> None:
        assert _error({"offices": []}, InvalidValue).path == "id"

    def test_string_where_a_list_belongs(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["buildings"] = "B1, B2"
        err = _error(doc, InvalidType)
        assert err.path == "offices[0].communities[3].buildings"
        assert "'B1, B2' is of type str; expected a list" in str(err)

    def test_list_where_a_table_belongs(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["buildings"][7] = ["B7", 17]
        err = _error(doc, InvalidType)
        assert err.path == BUILDING_7
        assert "is of type list; expected a table of Building fields" in str(err)

    def test_string_where_an_office_belongs(self) -> None:
        err = _error({"id": "D", "offices": ["O"]}, InvalidType)
        assert err.path == "offices[0]"

    def test_workstation_table(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["workstation"] = {"exists": "yes"}
        err = _error(doc, InvalidType)
        assert err.path == "offices[0].communities[3].workstation.exists"

    def test_float_money_in_a_mapping(self) -> None:
        doc = {"id": "D", "projects": [{"id": "P", "public_rooms": [{"id": "R", "area_m2": 80.5}]}]}
        err = _error(doc, InvalidType)
        assert err.path == "projects[0].public_rooms[0].area_m2"
        assert "pass Decimal('80.5')" in str(err)

    def test_reference_to_an_unknown_building(self) -> None:
        doc = _district_doc()
        doc["offices"][0]["communities"][3]["sub_areas"] = [{"id": "A", "buildings": ["B1", "B99"]}]
        err = _error(doc, InvalidValue)
        assert err.path == "offices[0].communities[3].sub_areas[0].buildings[1]"

    def test_errors_are_also_builtin_errors(self) -> None:
        with pytest.raises(ValueError, match="is negative"):
            load_district(self._doc_with(households=-5))
        with pytest.raises(TypeError, match="a count must be an int"):
            load_district(self._doc_with(households="3"))


class TestAllErrors:
    def test_every_error_is_listed(self) -> None:
        doc = _district_doc()
        buildings = doc["offices"][0]["communities"][3]["buildings"]
        buildings[1]["households"] = -1
        buildings[4]["households"] = "x"
        buildings[6]["colour"] = "red"
        doc["offices"][0]["communities"][0]["kind"] = "city"
        err = _error(doc)
        paths = [e.path for e in err.all_errors]
        assert sorted(paths) == sorted(
            [
                "offices[0].communities[0].kind",
                "offices[0].communities[3].buildings[1].households",
                "offices[0].communities[3].buildings[4].households",
                "offices[0].communities[3].buildings[6].colour",
            ]
        )
        assert err is err.all_errors[0]
        assert all(isinstance(e, Error) for e in err.all_errors)

    def test_a_single_error_lists_itself(self) -> None:
        err = _error({"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "staff": -1}]}]})
        assert [e.path for e in err.all_errors] == ["offices[0].communities[0].staff"]

    def test_every_bad_field_of_one_object_is_listed(self) -> None:
        # attrs stops at an object's first bad field; the loader goes on to the others.
        building = {"id": "", "households": -1, "compound": 7}
        err = _error(
            {"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "buildings": [building]}]}]}
        )
        prefix = "offices[0].communities[0].buildings[0]."
        assert [(e.path, e.value) for e in err.all_errors] == [
            (prefix + "id", ""),
            (prefix + "households", -1),
            (prefix + "compound", 7),
        ]

    def test_a_parents_fields_are_checked_when_a_child_failed(self) -> None:
        # The community is never built when a building fails; its own fields are still checked.
        community = {
            "id": "C",
            "kind": "suburb",
            "buildings": [{"id": "B1", "households": "x"}],
            "staff": -2,
            "colour": "red",
        }
        err = _error({"id": "D", "offices": [{"id": "O", "communities": [community]}]})
        prefix = "offices[0].communities[0]."
        assert [(type(e), e.path, e.value) for e in err.all_errors] == [
            (InvalidType, prefix + "buildings[0].households", "x"),
            (InvalidValue, prefix + "kind", "suburb"),
            (InvalidValue, prefix + "staff", -2),
            (InvalidValue, prefix + "colour", "colour"),
        ]
        assert err is err.all_errors[0]

    def test_every_bad_setting_of_a_policy_is_listed(self) -> None:
        with pytest.raises(Error) as info:
            load_policy(
                {"sub_area_households": -1, "hiring_share_this_year": "1.5", "building_head_min_buildings": 0}
            )
        assert [(e.path, e.value) for e in info.value.all_errors] == [
            ("sub_area_households", -1),
            ("building_head_min_buildings", 0),
            ("hiring_share_this_year", Decimal("1.5")),
        ]

    def test_rules_between_fields_wait_for_the_fields(self) -> None:
        # Households below the buildings' sum needs a whole community: reported once the fields are good.
        community = {"id": "C", "households": 5, "buildings": [{"id": "B1", "households": 10}]}
        err = _error({"id": "D", "offices": [{"id": "O", "communities": [community]}]})
        assert [e.path for e in err.all_errors] == ["offices[0].communities[0].households"]
        community["kind"] = "suburb"
        err = _error({"id": "D", "offices": [{"id": "O", "communities": [community]}]})
        assert [e.path for e in err.all_errors] == ["offices[0].communities[0].kind"]


class TestMalformedDocuments:
    def test_json_nan_is_refused(self) -> None:
        with pytest.raises(DocumentError, match="NaN and infinities are refused"):
            load_district(b'{"id": "D", "x": NaN}')
        with pytest.raises(DocumentError, match="'Infinity'"):
            load_district(b'{"id": "D", "x": Infinity}')

    def test_toml_nan_reaches_the_model_and_is_refused(self) -> None:
        doc = b'id = "D"\n[[offices]]\nid = "O"\n[[offices.communities]]\nid = "C"\noffice_funds = nan\n'
        err = _error(doc, InvalidValue)
        assert err.path == "offices[0].communities[0].office_funds"
        assert "is not a finite number" in str(err)

    def test_duplicate_json_keys(self) -> None:
        with pytest.raises(DocumentError, match="'id' appears twice in one JSON object") as info:
            load_district(b'{"id": "D", "id": "E"}')
        assert info.value.path == "id"

    def test_duplicate_json_keys_in_a_file_name_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "d.json"
        path.write_bytes(b'{"id": "D", "id": "E"}')
        with pytest.raises(DocumentError) as info:
            load_district(path)
        assert info.value.path == f"{path}.id"

    def test_invalid_json(self, tmp_path: Path) -> None:
        path = tmp_path / "d.json"
        path.write_bytes(b'{"id": "D",')
        with pytest.raises(DocumentError, match="is not valid JSON: Expecting property name") as info:
            load_district(path)
        assert info.value.path == str(path)
        assert str(info.value).startswith(f"{path}: is not valid JSON: Expecting property name")
        assert info.value.all_errors == (info.value,)

    def test_invalid_toml(self) -> None:
        with pytest.raises(DocumentError, match="is not valid TOML"):
            load_district(b"id = ")

    def test_non_utf8(self) -> None:
        with pytest.raises(DocumentError, match=r"is not UTF-8 \(at byte 7\)"):
            load_district(b'{"id": \xff"D"}')

    def test_gbk_bytes_are_not_utf8(self) -> None:
        with pytest.raises(DocumentError, match="is not UTF-8"):
            load_district('{"id": "东山"}'.encode("gbk"))

    def test_bom_is_accepted(self) -> None:
        assert load_district(b'\xef\xbb\xbf{"id": "D"}') == District("D")
        assert load_district('\ufeffid = "东山区"\n'.encode()) == District("东山区")

    def test_deep_nesting(self) -> None:
        deep = b'{"id": "D", "x": ' + b"[" * 100 + b"]" * 100 + b"}"
        with pytest.raises(LimitExceeded, match=f"nested more than {MAX_DEPTH} levels deep"):
            load_district(deep)

    def test_very_deep_nesting_does_not_crash(self) -> None:
        deep = b"[" * 100_000 + b"]" * 100_000
        with pytest.raises(LimitExceeded):
            load_district(deep)

    def test_deep_mapping(self) -> None:
        inner: Any = 1
        for _ in range(MAX_DEPTH + 5):
            inner = {"a": inner}
        with pytest.raises(LimitExceeded):
            load_district({"id": "D", "x": inner})

    def test_top_level_list(self) -> None:
        err = _error(b"[1, 2]", InvalidType)
        assert "[1, 2] is not a district document (a table at the top)" in str(err)
        assert "不是区文档" in err.message_zh

    def test_unknown_format(self, tmp_path: Path) -> None:
        with pytest.raises(DocumentError, match="is not a document format"):
            read_document(b'{"id": "D"}', fmt="yaml")


def _hand_built() -> District:
    return District(
        "D",
        name="手工区 Hand-built",
        offices=[
            SubDistrictOffice(
                "O",
                name="东山",
                communities=[
                    Community(
                        "C",
                        kind="new",
                        buildings=[
                            Building("B1", 10, compound="锦绣花园"),
                            Building("B2", 0, residents_group="一组"),
                        ],
                        households=12,
                        office_space_m2="150.0",
                        office_funds="1.50",
                        welfare_funds=D("0.01"),
                        living_allowance=1800,
                        task_funds_received="5000.00",
                        task_funds_retained="4999.99",
                        staff_members=[
                            StaffMember(
                                "S1",
                                name="王芳",
                                female=True,
                                education="bachelor",
                                insurances=["pension", "maternity", "work_injury"],
                                monthly_pay="4321.05",
                                party_member=False,
                            ),
                            StaffMember("S2", insurances=[]),
                        ],
                        workstation=Workstation(exists=True, head_party_member=False),
                        sub_areas=[
                            ExistingSubArea("A", ["B1", "B2"], head="S1", head_is_committee_staff=True)
                        ],
                        building_heads=[
                            BuildingHead(
                                "H", ["B1"], start=datetime.date(2025, 6, 20), end=datetime.date(2025, 7, 31)
                            )
                        ],
                    ),
                    Community("C2", households=5, staff=0, sub_areas=[], building_heads=[]),
                    Community("C3"),
                ],
            ),
            SubDistrictOffice("O2"),
        ],
        projects=[
            Project(
                "P", completed=datetime.date(2009, 5, 20), office="O", public_rooms=[PublicRoom("R", "80.5")]
            ),
            Project("P2"),
        ],
    )


class TestDump:
    def test_money_is_an_exact_string(self) -> None:
        c = dump_district(_hand_built())["offices"][0]["communities"][0]
        assert c["office_funds"] == "1.50"
        assert c["office_space_m2"] == "150.0"
        assert c["welfare_funds"] == "0.01"
        assert c["living_allowance"] == "1800"
        assert c["staff_members"][0]["monthly_pay"] == "4321.05"

    def test_enums_sets_and_dates_are_plain(self) -> None:
        dumped = dump_district(_hand_built())
        c = dumped["offices"][0]["communities"][0]
        assert type(c["kind"]) is str
        assert c["kind"] == "new"
        assert type(c["staff_members"][0]["education"]) is str
        assert c["staff_members"][0]["insurances"] == ["maternity", "pension", "work_injury"]  # sorted
        assert c["staff_members"][1]["insurances"] == []
        assert c["building_heads"][0]["start"] == "2025-06-20"
        assert dumped["projects"][0]["completed"] == "2009-05-20"

    def test_json_serialisable_as_is(self) -> None:
        for district in (_hand_built(), cr.sample_district()):
            dumped = dump_district(district)
            text = json.dumps(dumped, ensure_ascii=False)  # no default= needed
            assert json.loads(text) == dumped

    def test_defaults_are_left_out(self) -> None:
        assert dump_district(District("D")) == {"id": "D"}
        c3 = dump_district(_hand_built())["offices"][0]["communities"][2]
        assert c3 == {"id": "C3"}

    def test_empty_plan_differs_from_unknown_plan(self) -> None:
        c2 = dump_district(_hand_built())["offices"][0]["communities"][1]
        assert c2 == {"id": "C2", "households": 5, "staff": 0, "sub_areas": [], "building_heads": []}

    def test_not_a_district(self) -> None:
        with pytest.raises(InvalidType, match="is not a District"):
            dump_district({"id": "D"})  # type: ignore[arg-type]


class TestRoundTrip:
    def test_sample(self) -> None:
        d = cr.sample_district()
        assert load_district(dump_district(d)) == d

    def test_hand_built(self) -> None:
        d = _hand_built()
        assert load_district(dump_district(d)) == d

    def test_through_json_text(self) -> None:
        for d in (_hand_built(), cr.sample_district()):
            assert load_district(json.dumps(dump_district(d)).encode("utf-8")) == d

    def test_through_a_file(self, tmp_path: Path) -> None:
        path = tmp_path / "d.json"
        path.write_text(to_json(dump_district(_hand_built())), encoding="utf-8")
        assert load_district(path) == _hand_built()

    def test_dump_does_not_share_state(self) -> None:
        d = _hand_built()
        dumped = dump_district(d)
        before = copy.deepcopy(dumped)
        dumped["offices"][0]["communities"][0]["buildings"].clear()
        assert dump_district(d) == before

    @settings(max_examples=40, deadline=None)
    @given(st.data())
    def test_generated_districts(self, data: st.DataObject) -> None:
        ids = st.text(alphabet="ABC东西-1", min_size=1, max_size=4).filter(lambda s: s == s.strip())
        money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
        n_offices = data.draw(st.integers(0, 3))
        offices = []
        community_number = 0
        for o in range(n_offices):
            communities = []
            for _ in range(data.draw(st.integers(0, 3))):
                community_number += 1
                building_ids = data.draw(st.lists(ids, unique=True, max_size=5))
                buildings = [
                    Building(
                        b,
                        data.draw(st.integers(0, 2000)),
                        compound=data.draw(st.none() | st.sampled_from(["G1", "锦绣花园"])),
                    )
                    for b in building_ids
                ]
                communities.append(
                    Community(
                        f"C{community_number}",
                        buildings=buildings,
                        kind=data.draw(st.sampled_from(list(CommunityKind))),
                        staff=data.draw(st.none() | st.integers(0, 50)),
                        office_funds=data.draw(st.none() | money),
                        office_space_m2=data.draw(st.none() | money),
                        sub_areas=data.draw(st.none() | st.just([ExistingSubArea("A", building_ids[:2])])),
                    )
                )
            offices.append(SubDistrictOffice(f"O{o}", communities))
        district = District("D", offices)
        assert load_district(dump_district(district)) == district
        assert load_district(to_json(dump_district(district)).encode("utf-8")) == district


class TestLoadPolicy:
    def test_overrides_on_the_default(self) -> None:
        policy = load_policy(
            {"office_funds_per_thousand": 12000, "sub_area_rule": "nearest", "adoption_year": 2009}
        )
        assert policy.office_funds_per_thousand == D("12000")
        assert type(policy.office_funds_per_thousand) is Decimal
        assert policy.sub_area_rule is SubAreaRule.NEAREST
        assert policy.changes_from(DEFAULT_POLICY).keys() == {
            "office_funds_per_thousand",
            "sub_area_rule",
            "adoption_year",
        }

    def test_empty_is_the_default(self) -> None:
        assert load_policy({}) == DEFAULT_POLICY

    def test_on_another_base(self) -> None:
        base = attrs.evolve(DEFAULT_POLICY, adoption_year=2009)
        assert load_policy({"welfare_share": "0.9"}, base=base).adoption_year == 2009

    def test_unknown_field(self) -> None:
        with pytest.raises(InvalidValue, match="'office_fund' is not a field of Policy") as info:
            load_policy({"office_fund": 1})
        assert info.value.path == "office_fund"
        assert "office_funds_per_thousand" in str(info.value)  # the valid fields are listed

    def test_nested_weights_table(self) -> None:
        toml = b"welfare_share = 0.9\n[weights_community]\ndaily = 0.2\nyear_end = 0.5\nresidents = 0.3\n"
        policy = load_policy(toml)
        assert policy.weights_community == Weights(D("0.2"), D("0.5"), D("0.3"))
        assert policy.welfare_share == D("0.9")
        assert policy.weights_sub_area_head == DEFAULT_POLICY.weights_sub_area_head

    def test_weights_not_adding_up(self) -> None:
        with pytest.raises(InvalidValue, match=r"the weights add up to 1\.5, not 1") as info:
            load_policy({"weights_community": {"daily": "0.5", "year_end": "0.5", "residents": "0.5"}})
        assert info.value.path == "weights_community.residents"

    def test_weights_missing_a_part(self) -> None:
        with pytest.raises(Error) as info:
            load_policy({"weights_community": {"daily": "0.5", "year_end": "0.5"}})
        assert info.value.path == "weights_community.residents"

    def test_weights_unknown_part(self) -> None:
        with pytest.raises(InvalidValue, match="'x' is not a field of Weights") as info:
            load_policy({"weights_community": {"daily": "1", "year_end": "0", "residents": "0", "x": 1}})
        assert info.value.path == "weights_community.x"

    def test_weights_not_a_table(self) -> None:
        with pytest.raises(InvalidType, match="expected a table of Weights fields") as info:
            load_policy({"weights_community": "0.3, 0.4, 0.3"})
        assert info.value.path == "weights_community"

    def test_department_weights(self) -> None:
        with pytest.raises(InvalidValue, match="residents do not evaluate departments"):
            load_policy({"weights_department": {"daily": "0.4", "year_end": "0.3", "residents": "0.3"}})

    @pytest.mark.parametrize(
        ("override", "error", "path"),
        [
            ({"welfare_share": "1.5"}, InvalidValue, "welfare_share"),
            ({"welfare_share": 0.5}, InvalidType, "welfare_share"),
            ({"adoption_year": "2009"}, InvalidType, "adoption_year"),
            ({"public_rooms_from": "2009-02-30"}, InvalidValue, "public_rooms_from"),
            ({"required_insurances": ["x"]}, InvalidValue, "required_insurances[0]"),
            ({"building_head_min_buildings": 4}, InvalidValue, "building_head_min_buildings"),
            ({"keep_residents_groups": None}, InvalidType, "keep_residents_groups"),
        ],
    )
    def test_invalid_overrides(self, override: dict[str, Any], error: type[Error], path: str) -> None:
        with pytest.raises(error) as info:
            load_policy(override)
        assert info.value.path == path

    def test_dates_and_sets_from_strings(self) -> None:
        policy = load_policy(
            {"public_rooms_from": "2009-01-01", "required_insurances": ["pension", "medical"]}
        )
        assert policy.public_rooms_from == datetime.date(2009, 1, 1)
        assert policy.required_insurances == frozenset({Insurance.PENSION, Insurance.MEDICAL})

    def test_top_level_must_be_a_table(self) -> None:
        with pytest.raises(InvalidType, match="is not a policy document"):
            load_policy(b"[1]")


class TestDumpPolicy:
    def test_every_field_is_there(self) -> None:
        assert list(dump_policy(DEFAULT_POLICY)) == [f.name for f in attrs.fields(Policy)]

    def test_plain_values(self) -> None:
        dumped = dump_policy(DEFAULT_POLICY)
        assert dumped["office_funds_per_thousand"] == "10000"
        assert dumped["welfare_share"] == "0.8"
        assert dumped["sub_area_households"] == 500
        assert dumped["sub_area_rule"] == "cap"
        assert type(dumped["sub_area_rule"]) is str
        assert dumped["minimum_education"] == "junior_college"
        assert dumped["public_rooms_from"] == "2008-01-01"
        assert dumped["adoption_year"] is None
        assert dumped["required_insurances"] == [
            "maternity",
            "medical",
            "pension",
            "unemployment",
            "work_injury",
        ]
        assert dumped["weights_department"] == {"daily": "0.4", "year_end": "0.6", "residents": "0"}
        json.dumps(dumped)  # JSON-ready as is

    def test_round_trip(self) -> None:
        assert load_policy(dump_policy(DEFAULT_POLICY)) == DEFAULT_POLICY
        local = attrs.evolve(
            DEFAULT_POLICY,
            adoption_year=2009,
            sub_area_rule="nearest",
            required_insurances=["pension"],
            public_rooms_from=datetime.date(2009, 1, 1),
            weights_community=Weights("0.5", "0.5", "0"),
            minimum_education=Education.BACHELOR,
            keep_residents_groups=True,
        )
        assert load_policy(dump_policy(local)) == local
        assert load_policy(json.dumps(dump_policy(local)).encode("utf-8")) == local


class TestToJson:
    def test_byte_identical_across_calls(self) -> None:
        first = to_json(dump_district(cr.sample_district()))
        second = to_json(dump_district(load_district(dump_district(cr.sample_district()))))
        assert first == second
        assert to_json(dump_policy(DEFAULT_POLICY)) == to_json(dump_policy(Policy()))

    def test_decimals_dates_sets_attrs(self) -> None:
        value = {
            "a": D("1.10"),
            "d": datetime.date(2009, 1, 2),
            "s": frozenset({"b", "a"}),
            "w": Weights(1, 0, 0),
        }
        assert json.loads(to_json(value)) == {
            "a": "1.10",
            "d": "2009-01-02",
            "s": ["a", "b"],
            "w": {"daily": "1", "year_end": "0", "residents": "0"},
        }

    def test_chinese_is_kept(self) -> None:
        assert to_json({"name": "东山"}, indent=None) == '{"name": "东山"}'

    def test_unknown_type(self) -> None:
        with pytest.raises(TypeError, match="object is not JSON serialisable"):
            to_json({"x": object()})


class TestOptionalFieldsAreNotCoerced:
    # Optional scalar fields (X | None) go to the model's validators as they are, like the
    # required ones: cattrs' own hooks would turn "3" into 3 or 7 into "7".
    @pytest.mark.parametrize(
        ("field", "value"),
        [("households", "3"), ("households", True), ("staff", 2.0), ("office_funds", 5.5), ("name", 7)],
    )
    def test_a_wrong_type_is_refused_with_its_path(self, field: str, value: Any) -> None:
        doc = {"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", field: value}]}]}
        err = _error(doc, InvalidType)
        assert (err.path, err.value) == (f"offices[0].communities[0].{field}", value)

    def test_none_and_good_values_pass(self) -> None:
        doc = {
            "id": "D",
            "offices": [{"id": "O", "communities": [{"id": "C", "households": 7, "name": None}]}],
        }
        community = load_district(doc).offices[0].communities[0]
        assert (community.households, community.name) == (7, None)


def _one_community(**fields: Any) -> dict[str, Any]:
    """A district document of one office and one community "C" with ``fields``."""
    return {"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", **fields}]}]}


class TestDirectStructuring:
    """Tables whose every field the model checks itself are built by calling the class directly.

    The fast path must give exactly what the thorough path gives: the same
    object for a good table, and for a bad one the same errors, each with its
    path (the thorough path reports them all).
    """

    def test_the_classes_built_directly(self) -> None:
        from community_rules.documents import _CONVERTER, _direct

        direct = {
            cls.__name__
            for cls in (
                Building,
                StaffMember,
                Workstation,
                PublicRoom,
                BuildingHead,
                ExistingSubArea,
                Community,
            )
            if _direct(cls, _CONVERTER, {}) is not None
        }
        # Dates (a head's term) and nested tables (sub-areas, communities) are not passed through.
        assert direct == {"Building", "StaffMember", "Workstation", "PublicRoom"}

    def test_a_staff_member_is_built_with_its_converters(self) -> None:
        doc = _one_community(
            staff_members=[{"id": "S1", "education": "bachelor", "insurances": ["pension", "medical"]}]
        )
        member = load_district(doc).offices[0].communities[0].staff_members[0]
        assert member == StaffMember(
            "S1", education=Education.BACHELOR, insurances=frozenset({Insurance.PENSION, Insurance.MEDICAL})
        )
        assert type(member.insurances) is frozenset

    def test_every_bad_field_of_a_building_is_reported(self) -> None:
        doc = _one_community(buildings=[{"id": " B1", "households": -3, "compound": 5}])
        with pytest.raises(Error) as info:
            load_district(doc)
        prefix = "offices[0].communities[0].buildings[0]."
        assert [(type(e), e.path, e.value) for e in info.value.all_errors] == [
            (InvalidValue, prefix + "id", " B1"),
            (InvalidValue, prefix + "households", -3),
            (InvalidType, prefix + "compound", 5),
        ]

    def test_a_missing_field_and_an_unknown_one_are_reported(self) -> None:
        doc = _one_community(buildings=[{"id": "B1"}, {"id": "B2", "households": 1, "floors": 9}])
        with pytest.raises(Error) as info:
            load_district(doc)
        prefix = "offices[0].communities[0].buildings"
        assert [(e.path, e.value) for e in info.value.all_errors] == [
            (prefix + "[0].households", ...),
            (prefix + "[1].floors", "floors"),
        ]


class TestDepthIsCheckedWhenLoadingFails:
    """A valid document is a few levels deep (the schema bounds it), so its depth is measured
    only when it fails to load; a document too deep, or with a key that is not a string, is
    still refused for that, with the path, before any other error."""

    def test_a_key_that_is_not_a_string(self) -> None:
        doc = {"id": "D", "offices": [{"id": "O", 5: "x"}]}
        err = _error(doc, InvalidType)
        assert (err.path, err.value) == ("offices[0]", 5)
        assert "keys must be strings" in str(err)
        assert "键必须是字符串" in err.message_zh

    def test_too_deep_and_wrong_reports_the_depth(self) -> None:
        value: Any = "x"
        for _ in range(MAX_DEPTH):
            value = [value]
        doc = {"id": 7, "offices": [{"id": "O", "name": value}]}  # the id is wrong too
        err = _error(doc, LimitExceeded)
        # The document is level 1, "offices" 2, the office 3, its name 4: the first value at
        # level MAX_DEPTH + 1 is MAX_DEPTH - 3 lists further down.
        assert err.path == "offices[0].name" + "[0]" * (MAX_DEPTH - 3)

    def test_the_depth_error_stands_alone(self) -> None:
        # Measured after the failure, it is not chained to cattrs' exception (no "During
        # handling of the above exception" in a traceback).
        value: Any = "x"
        for _ in range(MAX_DEPTH):
            value = [value]
        err = _error({"id": "D", "name": value}, LimitExceeded)
        assert err.__context__ is None
        assert err.__cause__ is None

    def test_read_document_still_refuses_a_deep_document(self) -> None:
        with pytest.raises(LimitExceeded) as info:
            read_document(b"[" * 40 + b"]" * 40)
        assert info.value.path == "[0]" * MAX_DEPTH


def _with_offices(district: District, offices: list[SubDistrictOffice]) -> District:
    return District(district.id, offices=offices, name=district.name, projects=district.projects)


class TestOfficeByOffice:
    """load_office and dump_office: a district kept as one document per sub-district office."""

    def test_the_sample_office_by_office(self) -> None:
        district = cr.sample_district()
        whole = dump_district(district)
        for k, office in enumerate(district.offices):
            assert dump_office(office) == whole["offices"][k]
            assert load_office(whole["offices"][k], path=f"offices[{k}]") == office
        loaded = [load_office(dump_office(o)) for o in district.offices]
        assert _with_offices(district, loaded) == district

    @settings(max_examples=40, deadline=None)
    @given(cr_districts())
    def test_any_district_office_by_office(self, district: District) -> None:
        whole = dump_district(district)
        assert [dump_office(o) for o in district.offices] == whole["offices"]
        loaded = [load_office(doc, path=f"offices[{k}]") for k, doc in enumerate(whole["offices"])]
        assert _with_offices(district, loaded) == district

    def test_files_json_and_toml(self, tmp_path: Path) -> None:
        office = cr.sample_district().offices[0]
        json_path = tmp_path / "o.json"
        json_path.write_text(to_json(dump_office(office)), encoding="utf-8")
        assert load_office(json_path) == load_office(str(json_path)) == office
        toml_path = tmp_path / "o.toml"
        toml_path.write_text(
            'id = "O7"\nname = "东山街道"\n\n[[communities]]\nid = "C1"\noffice_funds = 12000.50\n\n'
            '[[communities.buildings]]\nid = "B1"\nhouseholds = 120\n',
            encoding="utf-8",
        )
        office = load_office(toml_path)
        assert (office.id, office.name, office.communities[0].office_funds) == (
            "O7",
            "东山街道",
            D("12000.50"),
        )
        assert office.communities[0].households == 120

    @pytest.mark.parametrize(
        ("community", "path", "message"),
        [
            (
                {"id": "C3", "buildings": [{"id": "B7", "households": -5}]},
                ".buildings[0].households",
                "-5 is negative",
            ),
            ({"id": "C3", "colour": "red"}, ".colour", "is not a field of Community"),
            ({"id": "C3", "kind": "suburb"}, ".kind", "'suburb' is not"),
            ({"id": "C3", "buildings": [{"households": 5}]}, ".buildings[0].id", "is missing"),
        ],
    )
    def test_errors_read_as_in_the_district(self, community: dict[str, Any], path: str, message: str) -> None:
        # The same bad value, in a district document and in its office's own document.
        office = {"id": "O", "communities": [{"id": "C0"}, community]}
        with pytest.raises(Error) as in_district:
            load_district({"id": "D", "offices": [{"id": "N", "communities": []}, office]})
        with pytest.raises(Error) as alone:
            load_office(office, path="offices[1]")
        assert alone.value.path == in_district.value.path == "offices[1].communities[1]" + path
        assert type(alone.value) is type(in_district.value)
        assert message in str(alone.value)
        assert str(alone.value) == str(in_district.value)
        with pytest.raises(Error) as bare:
            load_office(office)  # no path: the office document's own
        assert bare.value.path == "communities[1]" + path

    def test_duplicate_communities_in_an_office(self) -> None:
        doc = {"id": "O", "communities": [{"id": "C1"}, {"id": "C1"}]}
        with pytest.raises(InvalidValue) as info:
            load_office(doc, path="offices[2]")
        assert info.value.path.startswith("offices[2].communities")
        assert "C1" in str(info.value)

    def test_not_an_office_document(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidType) as info:
            load_office(b"[1, 2]")
        assert "is not a sub-district office document" in str(info.value)
        assert "不是街道办事处文档" in info.value.message_zh
        assert info.value.path == ""
        with pytest.raises(InvalidType) as info:
            load_office(b"[1, 2]", path="offices[4]")  # the whole document: named by path
        assert info.value.path == "offices[4]"
        with pytest.raises(DocumentError) as parse_error:
            load_office(b'{"id": "O",', path="offices[4]")
        assert parse_error.value.path == "offices[4]"
        assert "is not valid JSON" in str(parse_error.value)
        broken = tmp_path / "office-0004.json"
        broken.write_text('{"id": "O",', encoding="utf-8")
        with pytest.raises(DocumentError) as in_file:
            load_office(broken, path="offices[4]")  # a file that does not parse: named by the file
        assert in_file.value.path == str(broken)
        with pytest.raises(InvalidType) as info:
            load_office(42)  # type: ignore[arg-type]
        assert "bytes of a sub-district office document" in str(info.value)
        with pytest.raises(InvalidType) as info:
            load_office({"id": "O"}, path=3)  # type: ignore[arg-type]
        assert info.value.path == "path"
        with pytest.raises(InvalidType) as info:
            dump_office(cr.sample_district())  # type: ignore[arg-type]
        assert info.value.path == "office"

    def test_checked_as_loaded_from_files(self, tmp_path: Path) -> None:
        # The use it is for: one file per office, loaded one at a time while checked.
        from community_rules.parallel import check_as_loaded

        district = cr.sample_district()
        paths = []
        for k, office in enumerate(district.offices):
            paths.append(tmp_path / f"office-{k:04d}.json")
            paths[-1].write_text(to_json(dump_office(office)), encoding="utf-8")
        loaded, report = check_as_loaded(
            (load_office(p, path=f"offices[{k}]") for k, p in enumerate(sorted(paths))),
            lambda offices: _with_offices(district, list(offices)),
            workers=2,
        )
        assert loaded == district
        assert report == cr.check(district)


class TestSharedStrings:
    """A JSON document's equal strings are one object once loaded (memory, not meaning)."""

    def test_ids_and_names_are_shared(self) -> None:
        doc = {
            "id": "D",
            "offices": [
                {
                    "id": "O",
                    "communities": [
                        {
                            "id": f"C{c}",
                            "buildings": [
                                {"id": f"B{i}", "households": 10, "residents_group": "第三居民小组"}
                                for i in range(3)
                            ],
                            "sub_areas": [{"id": "S1", "buildings": ["B0", "B1", "B2"]}],
                            "staff_members": [
                                {"id": f"M{m}", "insurances": ["pension", "medical"]} for m in range(2)
                            ],
                        }
                        for c in range(2)
                    ],
                }
            ],
        }
        district = load_district(json.dumps(doc).encode("utf-8"))
        first, second = district.offices[0].communities
        groups = {id(b.residents_group) for c in (first, second) for b in c.buildings}
        assert len(groups) == 1
        assert first.buildings[1].id is second.buildings[1].id
        assert first.sub_areas is not None
        assert first.sub_areas[0].buildings[2] is first.buildings[2].id
        assert first.staff_members is not None
        assert second.staff_members is not None
        assert first.staff_members[0].insurances is second.staff_members[1].insurances
        assert district == load_district(doc)  # the same values as from the mapping

    def test_only_within_one_document(self) -> None:
        # The memo lives as long as one parse: nothing is kept from one load to the next.
        doc = json.dumps({"id": "O", "communities": [{"id": "community-1"}]}).encode("utf-8")
        first, second = load_office(doc).communities[0].id, load_office(doc).communities[0].id
        assert first == second
        assert first is not second
