package cn.shequflow.residence;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The row a move-in writes to the register; {@link #id} is filled in by the insert. */
public class NewResident {
  public Long id;
  public String communityId;
  public String personName;
  public String sex;
  public LocalDate birthDate;
  public String idNumber;
  public String phone;
  public String occupation;
  public String address;
  public String building;
  public String unitNo;
  public String room;
  public String residentType;
  public boolean renting;
  public String landlordName;
  public String landlordPhone;
  public LocalDate arrivedOn;
  public boolean late;
  public String lateNote;
  public LocalDateTime at;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
